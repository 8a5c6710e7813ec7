/** The body of POST /submissions: a raw .xlsx, or JSON carrying a WorkbookGrid. */
import * as z from '#shared/zod';
import type { WorkbookGrid } from '#shared/grid/types';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { DEFAULT_WORKBOOK_READ_LIMITS, type WorkbookReadLimits } from '#shared/xlsx/workbook-limits';
import { WorkbookTooLargeError } from '#shared/xlsx/workbook-read-error';
import { BadRequestError, PayloadTooLargeError, WorkbookOverCapError } from './errors';

export const MAX_SUBMISSION_BYTES = 5 * 1024 * 1024;

const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const workbookGridSchema = z.object({
  sheets: z
    .array(
      z.object({
        sheetName: z.string().min(1).max(31),
        values: z.array(z.array(cellSchema)),
        formulas: z.array(z.array(z.string().nullable())).optional(),
      }),
    )
    .min(1),
  identities: z.array(z.object({ sheetName: z.string(), id: z.string(), version: z.number().int().positive() })).default([]),
});
const jsonBodySchema = z.union([workbookGridSchema, z.object({ workbook: workbookGridSchema }).transform((b) => b.workbook)]);

export interface RawBody {
  body: string | undefined;
  isBase64Encoded: boolean;
  contentType: string | undefined;
}

export interface ParsedSubmissionBody {
  workbook: WorkbookGrid;
  /** The body's bytes, for the request hash of an idempotency record. */
  bytes: Uint8Array;
}

/**
 * Decodes and checks the size (413 above 5 MB), then reads the workbook (400 for a truncated .xlsx or
 * bad JSON; 413 for an .xlsx over a read cap of `limits`: unpacked size, files, rows, cells, found
 * while inflating, before the workbook is built). Row and text caps of a JSON sheet are the validator's.
 */
export async function parseSubmissionBody(raw: RawBody, limits: WorkbookReadLimits = DEFAULT_WORKBOOK_READ_LIMITS): Promise<ParsedSubmissionBody> {
  if (!raw.body) throw new BadRequestError('empty-body', '请求没有内容', 'the request has no body');
  const bytes = raw.isBase64Encoded ? Buffer.from(raw.body, 'base64') : Buffer.from(raw.body, 'utf8');
  if (bytes.byteLength > MAX_SUBMISSION_BYTES) throw new PayloadTooLargeError(bytes.byteLength, MAX_SUBMISSION_BYTES);
  const type = (raw.contentType ?? '').toLowerCase();
  if (type.includes('json')) {
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new BadRequestError('bad-json', '请求内容不是有效的 JSON', 'the body is not valid JSON');
    }
    return { workbook: jsonBodySchema.parse(json), bytes };
  }
  try {
    return { workbook: await readWorkbook(new Uint8Array(bytes), limits), bytes };
  } catch (error) {
    if (error instanceof WorkbookTooLargeError) throw new WorkbookOverCapError(error.finding);
    throw error;
  }
}
