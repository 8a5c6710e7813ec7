/**
 * The HTTP API of contract.md as the pane uses it. Every call resolves with a typed result, never throws:
 * `offline` when the network or the API cannot be reached, `busy` for a 503 (the same request may be sent
 * again after `retryAfterSeconds`), `http` with the server's { code, message_zh, message_en }, `bad-response`
 * when an answer does not have the shape of shared/src/api (every answer is parsed with its zod schema, never cast).
 */
import * as z from '#shared/zod';
import { auditViewSchema, type AuditOverviewView, type SubBranchAuditView } from '#shared/api/audit-view';
import { consolidatedViewSchema } from '#shared/api/consolidated-view';
import { apiErrorBodySchema } from '#shared/api/error-body';
import { localTokenAnswerSchema, type LocalTokenAnswer } from '#shared/api/local-token-request';
import { orgViewSchema } from '#shared/api/org-view';
import { retryAfterSeconds } from '#shared/api/retry-after-seconds';
import { acceptedSubmissionSchema, type AcceptedSubmission } from '#shared/api/submission-answer';
import { submissionViewSchema, type SubmissionView } from '#shared/api/submission-view';
import { publishedTemplateSchema, templateListSchema, type PublishedTemplate, type TemplateList } from '#shared/api/template-listing';
import type { WorkbookGrid } from '#shared/grid/types';
import type { Finding } from '#shared/findings/types';
import type { Organisation } from '#shared/org/schema';
import type { ConsolidatedSummaryView, Role, SignedInUser } from './types';

export interface ApiFailure {
  ok: false;
  kind: 'offline' | 'busy' | 'http' | 'bad-response';
  status: number;
  /** For `busy`: seconds to wait before sending the same request again (the Retry-After header, else 5). */
  retryAfterSeconds?: number;
  code: string;
  message_zh: string;
  message_en: string;
  findings?: Finding[];
}

export type ApiResult<T> = { ok: true; status: number; value: T } | ApiFailure;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The pane's waits after a 503: 5 s without a header, between 1 s and 5 minutes. */
const BUSY_WAIT = { fallback: 5, min: 1, max: 300 };

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

function offline(detail: string): ApiFailure {
  return { ok: false, kind: 'offline', status: 0, code: 'offline', message_zh: `无法连接服务器（${detail}）`, message_en: `The API cannot be reached (${detail})` };
}

/** Reads the claims of a JWT (no verification: the server verifies; the pane only shows role and scope). */
export function userFromToken(token: string, fallbackName?: string): SignedInUser | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = decodeURIComponent(
      Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    const claims = JSON.parse(json) as Record<string, unknown>;
    const role = claims['custom:role'] ?? claims.role;
    if (role !== 'outlet_head' && role !== 'subbranch_manager' && role !== 'auditor') return null;
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
    return {
      token,
      role,
      subBranch: text(claims['custom:subBranch'] ?? claims.subBranch),
      outlet: text(claims['custom:outlet'] ?? claims.outlet),
      // A person's name, never the token's subject (an identifier): empty when the token names nobody.
      name: text(claims.name) ?? fallbackName ?? '',
    };
  } catch {
    return null;
  }
}

export interface ConsolidatedQuery {
  template: string;
  subBranch: string;
  from: string;
  to: string;
  ranking?: 'dense';
  rows?: boolean;
}

export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | null = null,
    private readonly fetchImpl: FetchLike = (url, init) => fetch(url, init),
  ) {}

  withToken(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token, this.fetchImpl);
  }

  /**
   * Sends one request and parses the answer: a success with `schema`, an error with the error body's
   * schema. An answer of another shape is a `bad-response` failure naming the route and the first
   * field that does not fit, in Chinese and English.
   */
  private async call<T>(schema: z.ZodType<T>, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
    const sent = await this.send(method, path, body, headers);
    return 'response' in sent ? this.answer(schema, method, path, sent.response) : sent;
  }

  private async send(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<{ response: Response } | ApiFailure> {
    try {
      const response = await this.fetchImpl(`${this.baseUrl.replace(/\/$/, '')}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { response };
    } catch (error) {
      return offline(error instanceof Error ? error.message : String(error));
    }
  }

  private async answer<T>(schema: z.ZodType<T>, method: string, path: string, response: Response): Promise<ApiResult<T>> {
    let parsed: unknown = undefined;
    const text = await response.text().catch(() => '');
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (response.ok) {
      const answer = schema.safeParse(parsed);
      if (answer.success) return { ok: true, status: response.status, value: answer.data };
      return badResponse(response.status, method, path, answer.error);
    }
    const parsedError = apiErrorBodySchema.safeParse(parsed);
    const error = parsedError.success ? parsedError.data : undefined;
    if (response.status === 502 && error?.code === 'api-unreachable') return offline('502');
    const busy = response.status === 503;
    return {
      ok: false,
      kind: busy ? 'busy' : error ? 'http' : 'bad-response',
      ...(busy ? { retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after'), BUSY_WAIT) } : {}),
      status: response.status,
      code: error?.code ?? `http-${response.status}`,
      message_zh: error?.message_zh ?? `服务器返回错误 ${response.status}`,
      message_en: error?.message_en ?? `The API answered ${response.status}`,
      ...(error?.findings ? { findings: error.findings } : {}),
    };
  }

  /** Local stack only: a token for a role and scope. */
  requestLocalToken(request: { role: Role; subBranch?: string; outlet?: string; name?: string }): Promise<ApiResult<LocalTokenAnswer>> {
    return this.call(localTokenAnswerSchema, 'POST', '/local/token', request);
  }

  getTemplates(): Promise<ApiResult<TemplateList>> {
    return this.call(templateListSchema, 'GET', '/templates');
  }

  getSubmission(outlet: string, template: string, period: string): Promise<ApiResult<SubmissionView>> {
    return this.call(submissionViewSchema, 'GET', `/submissions/${encodeURIComponent(outlet)}/${encodeURIComponent(template)}/${encodeURIComponent(period)}`);
  }

  postSubmission(workbook: WorkbookGrid, idempotencyKey: string): Promise<ApiResult<AcceptedSubmission>> {
    return this.call(acceptedSubmissionSchema, 'POST', '/submissions', workbook, { 'idempotency-key': idempotencyKey });
  }

  getConsolidated(query: ConsolidatedQuery): Promise<ApiResult<ConsolidatedSummaryView>> {
    const params = new URLSearchParams({ template: query.template, subBranch: query.subBranch, from: query.from, to: query.to });
    if (query.ranking) params.set('ranking', query.ranking);
    if (query.rows) params.set('rows', '1');
    return this.call(consolidatedViewSchema, 'GET', `/consolidated?${params.toString()}`);
  }

  /** GET /consolidated.xlsx: the summary workbook of the same query as getConsolidated. */
  getConsolidatedXlsx(query: ConsolidatedQuery): Promise<ApiResult<Uint8Array>> {
    const params = new URLSearchParams({ template: query.template, subBranch: query.subBranch, from: query.from, to: query.to });
    if (query.ranking) params.set('ranking', query.ranking);
    return this.download(`/consolidated.xlsx?${params.toString()}`);
  }

  /** GET /templates/{id}/{version}.xlsx: the blank template workbook. */
  getTemplateXlsx(id: string, version: number): Promise<ApiResult<Uint8Array>> {
    return this.download(`/templates/${encodeURIComponent(id)}/${version}.xlsx`);
  }

  /** A workbook from the API as bytes; a failure is read as call() reads it. */
  private async download(path: string): Promise<ApiResult<Uint8Array>> {
    const sent = await this.send('GET', path, undefined, { accept: XLSX_TYPE });
    if (!('response' in sent)) return sent;
    const response = sent.response;
    // A failure answers JSON (the error body); no success schema applies to it.
    if (!response.ok) return this.answer(z.never(), 'GET', path, response);
    try {
      return { ok: true, status: response.status, value: new Uint8Array(await response.arrayBuffer()) };
    } catch (error) {
      return offline(error instanceof Error ? error.message : String(error));
    }
  }

  getAudit(date: string, subBranch?: string, template?: string): Promise<ApiResult<AuditOverviewView | SubBranchAuditView>> {
    const params = new URLSearchParams({ date });
    if (subBranch) params.set('subBranch', subBranch);
    if (template) params.set('template', template);
    return this.call(auditViewSchema, 'GET', `/audit?${params.toString()}`);
  }

  /** GET /org/{subBranch}: the organisation (an outlet head gets what the sheet checks need). */
  getOrg(subBranch: string): Promise<ApiResult<Organisation>> {
    return this.call(orgViewSchema, 'GET', `/org/${encodeURIComponent(subBranch)}`);
  }

  putTemplate(id: string, version: number, spec: unknown): Promise<ApiResult<PublishedTemplate>> {
    return this.call(publishedTemplateSchema, 'PUT', `/templates/${encodeURIComponent(id)}/${version}`, spec);
  }
}

/** An answer that does not have the contract's shape: the route (without its query) and the first field that does not fit. */
function badResponse(status: number, method: string, path: string, error: z.ZodError): ApiFailure {
  const route = `${method} ${path.split('?')[0]}`;
  const issue = error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : '?';
  return {
    ok: false,
    kind: 'bad-response',
    status,
    code: 'bad-response',
    message_zh: `服务器对 ${route} 的应答格式无法识别（${where}）`,
    message_en: `The API's answer to ${route} has an unexpected shape (${where})`,
  };
}
