/**
 * The port between the task pane and the workbook. Components and the API code see only this
 * interface; addin/src/excel/office-workbook.ts implements it with Office.js, memory-workbook.ts in memory.
 */
import type { CellValue, WorkbookGrid } from '#shared/grid/types';
import type { SummaryWorkbookPlan } from '#shared/summary-sheet/types';

/** Why a workbook action failed, in Chinese and English for the MessageBar. */
export type HostFailureCode =
  | 'no-active-sheet'
  | 'sheet-exists'
  | 'sheet-not-found'
  | 'bad-address'
  | 'office-error';

export interface HostFailure {
  ok: false;
  code: HostFailureCode;
  message_zh: string;
  message_en: string;
  /** What the host said (an Office.js error message), for the details line. */
  detail?: string;
}

export type HostResult<T> = { ok: true; value: T } | HostFailure;

/** What reading the active sheet gives: the sheet and the identity sheet as plain arrays. */
export interface ActiveSheetRead {
  sheetName: string;
  /** The active sheet (values and formulas of its used range from A1) and the identities of `_pts_meta`. */
  workbook: WorkbookGrid;
}

/** One cell to mark after a check; the mark sits apart from the user's own formatting and is removed by clearHighlights. */
export interface HighlightCell {
  /** A1 address on the checked sheet, without the sheet name (K12). */
  cell: string;
  severity: 'error' | 'warning';
}

/** A value written into one cell of the active sheet (a safe fix, a 序号), or a formula (a restored template formula). */
export interface CellWrite {
  cell: string;
  value: CellValue;
  /** Number format for the cell, e.g. 'yyyy-mm-dd' for a date serial. */
  numberFormat?: string;
  /** A formula to write instead of `value` (`=IF(N5>0,P5/N5,"")`): written as a formula, never as text. */
  formula?: string;
}

/** What an action decides after reading the active sheet; written back in one more round trip. */
export interface SheetUpdate<T> {
  result: T;
  writes?: CellWrite[];
  /** New highlights, replacing the add-in's previous ones; [] removes them; undefined leaves them. */
  highlights?: HighlightCell[];
}

/** Formatting of one column over the data rows of a sheet. */
export interface ColumnPlan {
  col: string;
  /** Width in characters. */
  width?: number;
  numberFormat?: string;
  /** Values of an in-cell drop-down (list data validation). */
  list?: string[];
  /** A computed column: the formula of each data row, already with its row number. */
  formulas?: string[];
}

/**
 * A sheet to insert, planned from a template spec (addin/src/sheets/plan-template-sheet.ts):
 * every cell value and formula, the drop-downs, formats and the identity row for `_pts_meta`.
 */
export interface TemplateSheetPlan {
  sheetName: string;
  identity: { id: string; version: number };
  /** Rows 1.. of the sheet from column A (title, header block, computed cells, labels, and data rows when reopening). */
  cells: CellValue[][];
  /** Formulas by A1 address (computed header cells). */
  formulas: Record<string, string>;
  /** Number formats by A1 address (header dates). */
  cellFormats: Record<string, string>;
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  columns: ColumnPlan[];
  /** Bold cells (title, labels), A1 addresses or ranges. */
  boldRanges: string[];
  /** 序号: numbered by the host as rows are filled. */
  sequence: SequencePlan | null;
}

/** The 序号 column of a template sheet, and the columns whose filling makes a row count. */
export interface SequencePlan {
  col: string;
  firstDataRow: number;
  valueCols: string[];
}

/** The workbook as the task pane sees it. Every method is one user action: one Excel.run, a fixed number of syncs. */
export interface WorkbookHost {
  /** Reads the active sheet (used range from A1: values and formulas) and the `_pts_meta` identities in one sync. */
  readActiveSheet(): Promise<HostResult<ActiveSheetRead>>;
  /**
   * Reads like readActiveSheet (the add-in's highlights included, same sync), lets `decide` work on plain arrays,
   * then writes its cell values and highlights in one more sync.
   */
  updateActiveSheet<T>(decide: (read: ActiveSheetRead) => SheetUpdate<T>): Promise<HostResult<T>>;
  /** Removes the add-in's highlights from the active sheet; the user's own fills stay. Resolves with how many were removed. */
  clearHighlights(): Promise<HostResult<number>>;
  /** Selects a cell (`邀约明细!K12` or `K12` on the active sheet) and activates its sheet. */
  selectCell(address: string): Promise<HostResult<void>>;
  /**
   * Adds the planned sheet (as `邀约明细 (2)` … when the name is taken), activates it and records its identity in
   * `_pts_meta` (replacing a row that names the same sheet). Resolves with the name given.
   */
  insertTemplateSheet(plan: TemplateSheetPlan): Promise<HostResult<{ sheetName: string }>>;
  /**
   * Draws the planned summary workbook (shared/src/summary-sheet) into this one: its sheets (replacing those of the
   * same names), their formats, widths, marks and print set-up, and the chart. Resolves with the summary sheet's name.
   */
  writeSummarySheets(plan: SummaryWorkbookPlan): Promise<HostResult<{ sheetName: string }>>;
}

export function hostFailure(code: HostFailureCode, detail?: string): HostFailure {
  const messages: Record<HostFailureCode, [string, string]> = {
    'no-active-sheet': ['没有可用的活动工作表', 'There is no active worksheet'],
    'sheet-exists': ['已存在同名工作表，请先重命名或删除它', 'A sheet of that name exists: rename or delete it first'],
    'sheet-not-found': ['找不到该工作表', 'The sheet cannot be found'],
    'bad-address': ['单元格地址无效', 'The cell address is not valid'],
    'office-error': ['Excel 操作失败', 'Excel could not carry out the action'],
  };
  const [message_zh, message_en] = messages[code];
  return { ok: false, code, message_zh, message_en, ...(detail !== undefined ? { detail } : {}) };
}
