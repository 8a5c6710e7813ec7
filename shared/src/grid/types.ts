/**
 * The grid: a sheet as Excel (Office.js `values`/`formulas`) or an .xlsx reader hands it over.
 * Dates are Excel serial numbers (as Office.js gives them), never Date objects.
 */
export type CellValue = string | number | boolean | null;

export interface SheetGrid {
  sheetName: string;
  /** values[r][c] is the cell at row r+1, column c+1 (A1 is values[0][0]); ragged rows allowed, missing cells are empty. */
  values: CellValue[][];
  /** formulas[r][c] is the formula of that cell without its leading '=' or with it, null when the cell holds none; absent when unknown. */
  formulas?: (string | null)[][];
}

/** Where the workbook says which template (id, version) a sheet was issued from. */
export interface SheetIdentity {
  sheetName: string;
  id: string;
  version: number;
}

/** A workbook: its sheets and the template identities it carries. */
export interface WorkbookGrid {
  sheets: SheetGrid[];
  identities: SheetIdentity[];
}

/** Name of the very-hidden sheet that stores template identities: rows of [sheet name, template id, version]. */
export const IDENTITY_SHEET_NAME = '_pts_meta';
