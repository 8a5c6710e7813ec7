import type { WorkbookGrid } from '../grid/types';
import { readWorkbookGrid } from './read/read-workbook-grid';
import { DEFAULT_WORKBOOK_READ_LIMITS, type WorkbookReadLimits } from './workbook-limits';

/**
 * Reads .xlsx bytes into the grid the validator takes: every worksheet's values (dates as Excel
 * serials of the 1900 system, rich text as plain text, formula cells as their cached result or null,
 * errors as their text) and formulas (shared formulas expanded), and the template identities of
 * `_pts_meta` (not itself returned as a sheet). Streams from the zip (Node's zlib where it runs in
 * Node, fflate elsewhere); runs in Node and in the browser alike.
 * Throws WorkbookReadError when the bytes are not a readable .xlsx, and WorkbookTooLargeError (one of
 * them) when the zip is over a read cap: declared or actual unpacked size, files, a worksheet's rows
 * or the cells (`limits`, default DEFAULT_WORKBOOK_READ_LIMITS), each checked as the bytes arrive.
 */
export async function readWorkbook(bytes: Uint8Array, limits: WorkbookReadLimits = DEFAULT_WORKBOOK_READ_LIMITS): Promise<WorkbookGrid> {
  return readWorkbookGrid(bytes, limits);
}
