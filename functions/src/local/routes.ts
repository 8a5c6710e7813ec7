/**
 * The local stack's routes: the API's one list (API_ROUTES, which the CDK HTTP API also deploys),
 * each bound to the handler its Lambda function runs, with the same public flag and timeout.
 */
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
import { API_ROUTES, type ApiHandlerName } from '#infra/api-routes';

/** Every handler name of API_ROUTES has its function here (a missing one fails the type check). */
const HANDLERS: Record<ApiHandlerName, LambdaHttpHandler> = {
  'get-health': getHealth,
  'post-submission': postSubmission,
  'get-submission': getSubmission,
  'get-consolidated': getConsolidated,
  'get-consolidated-xlsx': getConsolidatedXlsx,
  'get-audit': getAudit,
  'get-templates': getTemplates,
  'get-template-xlsx': getTemplateXlsx,
  'put-template': putTemplate,
  'put-org': putOrg,
  'get-org': getOrg,
};

export interface Route {
  method: string;
  /** API Gateway route path: `{name}` is one path segment; `{version}.xlsx` keeps the suffix out of the parameter. */
  path: string;
  handler: LambdaHttpHandler;
  /** Open without a token (GET /health). */
  public: boolean;
  /** The deployed function's timeout: past it the local stack answers 503, as Lambda would. */
  timeoutSeconds: number;
}

export const routes: readonly Route[] = API_ROUTES.map((route) => ({
  method: route.method,
  path: route.path,
  handler: HANDLERS[route.handlerName],
  public: route.public,
  timeoutSeconds: route.timeoutSeconds,
}));

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
