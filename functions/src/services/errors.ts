/**
 * Typed errors of the functions, each with its HTTP status, a stable code and both messages.
 * `toHttpResponse` (middleware/to-http-response.ts) maps them (and a few library errors) to the contract's shape.
 * A sheet with problems is not an error: it is a 422 result of the submission service.
 */
import type { ApiErrorBody } from '#shared/api/error-body';
import { BilingualError } from '#shared/errors/bilingual-error';
import { createFinding } from '#shared/findings/create-finding';
import type { Finding } from '#shared/findings/types';

export abstract class ApiError extends BilingualError implements ApiErrorBody {
  abstract readonly statusCode: number;
  readonly findings?: Finding[];

  constructor(code: string, messageZh: string, messageEn: string, findings?: Finding[]) {
    super(code, messageZh, messageEn);
    if (findings) this.findings = findings;
  }
}

export class BadRequestError extends ApiError {
  readonly statusCode = 400;
  override readonly name = 'BadRequestError';
}

export class UnauthorizedError extends ApiError {
  readonly statusCode = 401;
  override readonly name = 'UnauthorizedError';
  constructor(messageEn = 'a valid bearer token is required') {
    super('unauthorized', '需要有效的登录令牌', messageEn);
  }
}

export class ForbiddenError extends ApiError {
  readonly statusCode = 403;
  override readonly name = 'ForbiddenError';
  constructor(messageZh: string, messageEn: string) {
    super('forbidden', messageZh, messageEn);
  }
}

export class NotFoundError extends ApiError {
  readonly statusCode = 404;
  override readonly name = 'NotFoundError';
  constructor(messageZh: string, messageEn: string) {
    super('not-found', messageZh, messageEn);
  }
}

/** A version that exists already, or an idempotency key reused with another body. */
export class VersionConflictError extends ApiError {
  readonly statusCode = 409;
  override readonly name = 'VersionConflictError';
}

export class PayloadTooLargeError extends ApiError {
  readonly statusCode = 413;
  override readonly name = 'PayloadTooLargeError';
  constructor(bytes: number, limit: number) {
    super('payload-too-large', `提交内容 ${bytes} 字节，超过上限 ${limit} 字节（5 MB）`, `the body has ${bytes} bytes, above the limit of ${limit} bytes (5 MB)`, [
      createFinding('upload-too-large', { sheetName: '工作簿' }, { slots: { size: `${bytes} B`, cap: `${limit} B (5 MB)` } }),
    ]);
  }
}

/**
 * An .xlsx over a read cap (its unpacked size, files, a worksheet's rows, cells): 413 with the
 * cap's finding (upload-too-large or too-many-rows), whose code and messages name the cap.
 */
export class WorkbookOverCapError extends ApiError {
  readonly statusCode = 413;
  override readonly name = 'WorkbookOverCapError';
  constructor(finding: Finding) {
    super(finding.code, finding.message_zh, finding.message_en, [finding]);
  }
}

/** Rows could not all be written (UnprocessedItems left after every retry, or throttling): nothing became visible. */
export class RowsWriteFailedError extends ApiError {
  readonly statusCode = 503;
  override readonly name = 'RowsWriteFailedError';
  constructor(detail: string) {
    super('rows-write-failed', `明细行写入失败，提交未生效，请稍后重试（${detail}）`, `the rows could not be written; nothing was changed, please retry (${detail})`);
  }
}

/** Too many concurrent submissions for one outlet, template and period kept winning the flip. */
export class SubmissionContentionError extends ApiError {
  readonly statusCode = 503;
  override readonly name = 'SubmissionContentionError';
  /** Seconds after which the same request may be sent again (the `Retry-After` header). */
  readonly retryAfterSeconds = 2;
  constructor() {
    super('submission-contention', '同一报表正被同时多次提交，未保存，请稍后重试', 'the same report is being submitted concurrently; nothing was stored, please retry');
  }
}

/** The request ran out of time before its flip: it stopped cleanly and stored nothing. */
export class SubmissionTimeoutError extends ApiError {
  readonly statusCode = 503;
  override readonly name = 'SubmissionTimeoutError';
  readonly retryAfterSeconds = 5;
  constructor() {
    super('submission-timeout', '提交处理超时，未保存，请稍后重试', 'the submission ran out of time before it was stored; nothing was stored, please retry');
  }
}

/** A report kept being replaced while it was read (five times in a row): the read may simply be sent again. */
export class SubmissionBusyError extends ApiError {
  readonly statusCode = 503;
  override readonly name = 'SubmissionBusyError';
  readonly retryAfterSeconds = 1;
  constructor() {
    super('submission-busy', '该报表正在被替换，请稍后重试', 'the report kept changing while it was read; please retry');
  }
}
