/** The one mapping from thrown errors to HTTP answers `{ code, message_zh, message_en, findings? }`. */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ZodError } from 'zod';
import type { ApiErrorBody } from '../../../shared/src/api/error-body';
import { PeriodFormatError } from '../../../shared/src/period/period-format-error';
import { WorkbookReadError } from '../../../shared/src/xlsx/workbook-read-error';
import { ApiError } from '../services/errors';
import { jsonResponse } from './responses';

function zodDetail(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}

/** Maps an error to its status and body; anything unknown is a 500 that says nothing of the internals. */
export function toHttpResponse(error: unknown): APIGatewayProxyStructuredResultV2 {
  if (error instanceof ApiError) {
    const body: ApiErrorBody = { code: error.code, message_zh: error.message_zh, message_en: error.message_en };
    if (error.findings) body.findings = error.findings;
    // A 503 is retryable: say when (contract.md, errors).
    const retryAfter = error.statusCode === 503 ? { 'retry-after': String((error as { retryAfterSeconds?: number }).retryAfterSeconds ?? 2) } : undefined;
    return jsonResponse(error.statusCode, body, retryAfter);
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
