/** The one mapping from thrown errors to HTTP answers `{ code, message_zh, message_en, findings? }`. */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ZodError } from '#shared/zod';
import type { ApiErrorBody } from '#shared/api/error-body';
import { PeriodFormatError } from '#shared/period/period-format-error';
import { WorkbookReadError } from '#shared/xlsx/workbook-read-error';
import { ApiError } from '../services/errors';
import { jsonResponse } from './responses';

function zodDetail(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}

/** Seconds a client should wait before sending a refused request again: contention clears fast, an outage less so. */
export const RETRY_AFTER_BUSY_SECONDS = 2;
export const RETRY_AFTER_OUTAGE_SECONDS = 5;

/** Errors of the AWS SDK that say DynamoDB is busy or cannot be reached (after the SDK's own retries): the request may be sent again. */
const UNAVAILABLE_ERROR_NAMES = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'TransactionInProgressException',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
]);
/** Socket errors of a DynamoDB endpoint that is down, restarting or unreachable. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED']);

/** True when `error` says the table is busy or out of reach (not that the request was wrong): answered 503. */
export function isDependencyUnavailable(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number }; $retryable?: unknown; cause?: unknown } | undefined;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.name === 'string' && UNAVAILABLE_ERROR_NAMES.has(e.name)) return true;
  // A transaction cancelled only because another one held its items (or throttling) may simply be sent again.
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  if (e.name === 'TransactionCanceledException' && Array.isArray(reasons)) {
    const codes = reasons.map((reason) => reason?.Code ?? 'None').filter((code) => code !== 'None');
    if (codes.length > 0 && codes.every((code) => code === 'TransactionConflict' || code === 'ThrottlingError' || code === 'ProvisionedThroughputExceeded')) return true;
  }
  if (typeof e.code === 'string' && UNAVAILABLE_SOCKET_CODES.has(e.code)) return true;
  if (e.$retryable && e.$metadata) return true;
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && status >= 500 && status <= 599) return true;
  // The SDK wraps some socket failures: look one level down, and at the text of an SDK error (one with $metadata)
  // when the wrapper kept only that ("AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:8000").
  const cause = e.cause as { code?: unknown } | undefined;
  if (typeof cause?.code === 'string' && UNAVAILABLE_SOCKET_CODES.has(cause.code)) return true;
  const message = (error as Error).message;
  return Boolean(e.$metadata) && typeof message === 'string' && /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ENOTFOUND|ECONNABORTED)\b/.test(message);
}

/** Every 503 carries Retry-After (contract.md: "503 busy or a dependency down, with Retry-After"). */
function withRetryAfter(response: APIGatewayProxyStructuredResultV2, seconds: number): APIGatewayProxyStructuredResultV2 {
  if (response.statusCode !== 503) return response;
  return { ...response, headers: { ...(response.headers ?? {}), 'retry-after': String(seconds) } };
}

/** Maps an error to its status and body; anything unknown is a 500 that says nothing of the internals. */
export function toHttpResponse(error: unknown): APIGatewayProxyStructuredResultV2 {
  if (error instanceof ApiError) {
    const body: ApiErrorBody = { code: error.code, message_zh: error.message_zh, message_en: error.message_en };
    if (error.findings) body.findings = error.findings;
    const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    return withRetryAfter(jsonResponse(error.statusCode, body), typeof retryAfter === 'number' ? retryAfter : RETRY_AFTER_BUSY_SECONDS);
  }
  if (isDependencyUnavailable(error)) {
    return withRetryAfter(
      jsonResponse(503, {
        code: 'dependency-unavailable',
        message_zh: '数据库暂时无法访问，请稍后重新发送同一请求',
        message_en: 'the database cannot be reached right now; please send the same request again later',
      }),
      RETRY_AFTER_OUTAGE_SECONDS,
    );
  }
  if (error instanceof WorkbookReadError) {
    return jsonResponse(400, { code: error.code, message_zh: error.message_zh, message_en: error.message_en });
  }
  const named = error as { name?: string; code?: unknown; message_zh?: unknown; message_en?: unknown; cause?: unknown };
  if (named?.name === 'WorkbookUnusableError' && typeof named.code === 'string') {
    return jsonResponse(400, {
      code: named.code,
      message_zh: typeof named.message_zh === 'string' ? named.message_zh : '工作簿中找不到可识别的模板工作表',
      message_en: typeof named.message_en === 'string' ? named.message_en : 'no template sheet could be found in the workbook',
    });
  }
  if (named?.name === 'TimeoutError' && (named.cause as { package?: unknown } | undefined)?.package === '@middy/core') {
    // middy answers just before the function's timeout; the merge has stopped before its flip by then.
    return jsonResponse(503, { code: 'function-timeout', message_zh: '处理超时，未保存，请稍后重试', message_en: 'the request ran out of time; nothing was stored, please retry' }, { 'retry-after': '5' });
  }
  if (error instanceof PeriodFormatError) {
    return jsonResponse(400, { code: 'bad-period', message_zh: error.message_zh, message_en: error.message_en });
  }
  const zodError = error instanceof ZodError ? error : named?.name === 'ParseError' && named.cause instanceof ZodError ? named.cause : undefined;
  if (zodError || named?.name === 'ParseError') {
    const detail = zodError ? zodDetail(zodError) : String((error as Error).message);
    return jsonResponse(400, { code: 'bad-request', message_zh: `请求内容无效：${detail}`, message_en: `invalid request: ${detail}` });
  }
  return jsonResponse(500, { code: 'internal-error', message_zh: '服务器内部错误，请稍后重试', message_en: 'internal server error, please retry later' });
}
