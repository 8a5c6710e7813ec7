/**
 * Builds a SheetGrid from a template spec for tests: title, header block and header row labels in
 * place, formulas of the computed cells and computed columns in place (as the issued template has
 * them), plus the given header values and data rows. Values given for computed cells stand beside
 * their formulas (as cached results); `withoutFormulas` removes formulas, as a typed-over cell has none. Shared by the validation, summary, CLI and
 * functions tests.
 */
import type { CellValue, SheetGrid } from '#shared/grid/types';
import type { TemplateSpec } from '#shared/spec/schema';

export interface BuildGridOptions {
  /** Header values by header field key (`outlet`, `reportDate`), computed cell key (`inviteCount`) or A1 reference (`J2`). */
  header?: Record<string, CellValue>;
  /** Data rows from the spec's first data row on, each a map of column letter to value. */
  rows?: Record<string /* col letter */, CellValue>[];
  /** Put the formulas of computed cells and columns in place (default true); false leaves `formulas` out. */
  formulas?: boolean;
  /** A1 references of computed cells whose formula is gone (typed over or deleted), e.g. ['B3', 'Q5']. */
  withoutFormulas?: string[];
}

const CELL_REF = /^([A-Z]{1,3})([1-9][0-9]*)$/;

/** Builds a grid of the template `spec` filled with `options`. */
export function buildGrid(spec: TemplateSpec, options: BuildGridOptions = {}): SheetGrid {
  const rows = options.rows ?? [];
  const withFormulas = options.formulas ?? true;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const setValue = (ref: string, value: CellValue): void => {
    const { rowIndex, columnIndex } = position(ref);
    (values[rowIndex] ??= [])[columnIndex] = value;
  };
  const setFormula = (ref: string, formula: string): void => {
    const { rowIndex, columnIndex } = position(ref);
    (formulas[rowIndex] ??= [])[columnIndex] = formula;
  };

  const first = spec.firstDataRow;
  const last = spec.firstDataRow + Math.max(spec.dataRows, rows.length) - 1;
  setValue(spec.titleCell, spec.title);
  for (const field of spec.headerFields) setValue(field.labelCell, field.label);
  for (const cell of spec.computedCells) {
    setValue(cell.labelCell, cell.label);
    setValue(cell.valueCell, null);
    setFormula(cell.valueCell, cell.formula.replace(/\{first\}/g, String(first)).replace(/\{last\}/g, String(last)));
  }
  for (const column of spec.columns) setValue(`${column.col}${spec.headerRow}`, column.label);
  for (const column of spec.columns) {
    if (column.formula === undefined) continue;
    for (let row = first; row <= last; row++) setFormula(`${column.col}${row}`, column.formula.replace(/\{r\}/g, String(row)));
  }

  for (const [key, value] of Object.entries(options.header ?? {})) {
    const field = spec.headerFields.find((f) => f.key === key);
    const computed = spec.computedCells.find((c) => c.key === key);
    const ref = field?.valueCell ?? computed?.valueCell ?? (CELL_REF.test(key) ? key : undefined);
    if (ref === undefined) throw new Error(`buildGrid: ${key} is neither a header field, a computed cell nor a cell reference of ${spec.id}`);
    setValue(ref, value);
  }
  rows.forEach((row, i) => {
    for (const [col, value] of Object.entries(row)) setValue(`${col}${first + i}`, value);
  });

  for (const ref of options.withoutFormulas ?? []) {
    const { rowIndex, columnIndex } = position(ref);
    if (formulas[rowIndex]) formulas[rowIndex][columnIndex] = null;
  }

  const dense = (grid: CellValue[][]): CellValue[][] => Array.from(grid, (row) => Array.from(row ?? [], (v) => v ?? null));
  const grid: SheetGrid = { sheetName: spec.sheetName, values: dense(values) };
  if (withFormulas) grid.formulas = Array.from(formulas, (row) => Array.from(row ?? [], (f) => f ?? null));
  return grid;
}

function position(ref: string): { rowIndex: number; columnIndex: number } {
  const match = CELL_REF.exec(ref);
  if (!match) throw new Error(`buildGrid: not a cell reference: ${ref}`);
  let columnIndex = 0;
  for (const ch of match[1]) columnIndex = columnIndex * 26 + (ch.charCodeAt(0) - 64);
  return { rowIndex: Number(match[2]) - 1, columnIndex: columnIndex - 1 };
}
