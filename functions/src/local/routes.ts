/** The API's routes as API Gateway maps them to the handlers (one Lambda function per route). */
import type { LambdaHttpHandler } from '../middleware/http-handler';
import { handler as getAudit } from '../handlers/get-audit';
import { handler as getConsolidated } from '../handlers/get-consolidated';
import { handler as getConsolidatedXlsx } from '../handlers/get-consolidated-xlsx';
import { handler as getHealth } from '../handlers/get-health';
import { handler as getOrg } from '../handlers/get-org';
import { handler as getSubmission } from '../handlers/get-submission';
import { handler as getTemplateXlsx } from '../handlers/get-template-xlsx';
import { handler as getTemplates } from '../handlers/get-templates';
import { handler as postSubmission } from '../handlers/post-submission';
import { handler as putOrg } from '../handlers/put-org';
import { handler as putTemplate } from '../handlers/put-template';

export interface Route {
  method: string;
  /** API Gateway route path: `{name}` is one path segment; `{version}.xlsx` keeps the suffix out of the parameter. */
  path: string;
  handler: LambdaHttpHandler;
  /** Open without a token (GET /health). */
  public?: boolean;
}

export const routes: Route[] = [
  { method: 'GET', path: '/health', handler: getHealth, public: true },
  { method: 'POST', path: '/submissions', handler: postSubmission },
  { method: 'GET', path: '/submissions/{outlet}/{template}/{period}', handler: getSubmission },
  { method: 'GET', path: '/consolidated', handler: getConsolidated },
  { method: 'GET', path: '/consolidated.xlsx', handler: getConsolidatedXlsx },
  { method: 'GET', path: '/audit', handler: getAudit },
  { method: 'GET', path: '/templates', handler: getTemplates },
  { method: 'GET', path: '/templates/{id}/{version}', handler: getTemplateXlsx },
  { method: 'PUT', path: '/templates/{id}/{version}', handler: putTemplate },
  { method: 'PUT', path: '/org/{subBranch}', handler: putOrg },
  { method: 'GET', path: '/org/{subBranch}', handler: getOrg },
];

/** The route of a request and its path parameters, or undefined. */
export function matchRoute(method: string, path: string): { route: Route; pathParameters: Record<string, string> } | undefined {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const pathParameters: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name) pathParameters[name] = segments[i];
      return name !== undefined || part === segments[i];
    });
    if (matches) return { route, pathParameters };
  }
  return undefined;
}
