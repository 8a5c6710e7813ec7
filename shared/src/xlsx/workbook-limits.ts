/**
 * Caps on reading an .xlsx file, checked as the bytes arrive (read-workbook.ts, read/): what the zip
 * declares and what it really unpacks to, its number of files, the rows with content in one
 * worksheet and the cells of all worksheets. docs/data-model.md "Caps" lists them with the sheet caps.
 */
import { DEFAULT_SHEET_LIMITS, type TemplateSpec } from '../spec/schema';

export interface WorkbookReadLimits {
  /** Bytes all files of the zip may unpack to together, declared and actually inflated. */
  maxUnpackedBytes: number;
  /** Files (entries) in the zip. */
  maxEntries: number;
  /** Rows with at least one cell with content in one worksheet (header rows and data rows). */
  maxSheetRows: number;
  /** Cells (with content or only a style) in all worksheets together. */
  maxCells: number;
  /** The data-row cap these numbers were derived from, for the messages. */
  maxDataRows: number;
}

/**
 * 32 MiB unpacked: a 5,000-row 邀约明细 written by the template writer unpacks to 2.7 MB (358 KB
 * zipped); Excel's own files are about twice as large. The rest is room for long texts.
 */
export const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;
/** An .xlsx holds about fifteen files. */
export const MAX_ZIP_ENTRIES = 1000;
/** Rows beyond a template's header and data rows that a file may still carry (formulas dragged further down). */
export const SHEET_ROWS_SLACK = 1000;
/** Cells per allowed sheet row: the widest built-in template has 21 columns. 6,004 rows × 60 cells (360,000) took ExcelJS 5 s and 300 MB; 30 halves that. */
export const CELLS_PER_ROW = 30;

/** The read caps for the given templates: room for the largest sheet any of them allows. */
export function readLimitsFor(specs: readonly Pick<TemplateSpec, 'firstDataRow' | 'limits'>[]): WorkbookReadLimits {
  let maxSheetRows = 0;
  let maxDataRows = 0;
  for (const spec of specs) {
    const maxRows = spec.limits?.maxRows ?? DEFAULT_SHEET_LIMITS.maxRows;
    maxDataRows = Math.max(maxDataRows, maxRows);
    maxSheetRows = Math.max(maxSheetRows, spec.firstDataRow - 1 + maxRows + SHEET_ROWS_SLACK);
  }
  if (maxSheetRows === 0) return DEFAULT_WORKBOOK_READ_LIMITS;
  return { maxUnpackedBytes: MAX_UNPACKED_BYTES, maxEntries: MAX_ZIP_ENTRIES, maxSheetRows, maxCells: maxSheetRows * CELLS_PER_ROW, maxDataRows };
}

/** The read caps for templates with the default sheet caps (header rows 1–4, 5,000 data rows). */
export const DEFAULT_WORKBOOK_READ_LIMITS: WorkbookReadLimits = (() => {
  const maxSheetRows = 4 + DEFAULT_SHEET_LIMITS.maxRows + SHEET_ROWS_SLACK;
  return {
    maxUnpackedBytes: MAX_UNPACKED_BYTES,
    maxEntries: MAX_ZIP_ENTRIES,
    maxSheetRows,
    maxCells: maxSheetRows * CELLS_PER_ROW,
    maxDataRows: DEFAULT_SHEET_LIMITS.maxRows,
  };
})();
