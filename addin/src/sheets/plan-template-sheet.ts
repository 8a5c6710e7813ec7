/**
 * Plans a template sheet from its spec: title, header block (pre-filled), computed cells, labels, drop-downs,
 * formats, computed columns and, when reopening a stored submission, its rows. Pure: the host only writes the plan.
 */
import type { Column, TemplateSpec } from '#shared/spec/schema';
import type { CellValue } from '#shared/grid/types';
import { templateFormulaAt } from '#shared/spec/template-formula-at';
import type { ColumnPlan, SequencePlan, TemplateSheetPlan } from '../excel/workbook-host';
import { columnNumber, parseCellAddress } from './addresses';
import { excelSerialFromDate } from '#shared/normalise/excel-serial-from-date';

export interface PlanTemplateSheetOptions {
  /** Header values by field key (支行, 网点, 填报人: text; period: 'YYYY-MM-DD' or 'YYYY-MM'). */
  header?: Record<string, string | number>;
  /** Data rows to fill, values by column letter (dates as 'YYYY-MM-DD'), in order from the first data row. */
  rows?: Record<string, CellValue>[];
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const MONTH_FORMAT = 'yyyy-mm';
const MONEY_FORMAT = '#,##0.00';

export function columnFormat(column: Column): string | undefined {
  switch (column.type) {
    case 'date':
      return DATE_FORMAT;
    case 'month':
      return MONTH_FORMAT;
    case 'money':
      return MONEY_FORMAT;
    case 'integer':
      return '0';
    case 'text':
    case 'phone':
      return '@';
    default:
      return undefined;
  }
}

function columnList(column: Column): string[] | undefined {
  if (column.type === 'enum') return column.enum;
  if (column.type === 'boolean') return ['是', '否'];
  return undefined;
}

function place(cells: CellValue[][], address: string, value: CellValue): void {
  const ref = parseCellAddress(address);
  if (!ref) throw new Error(`bad cell ${address}`);
  const r = ref.row - 1;
  const c = columnNumber(ref.col) - 1;
  while (cells.length <= r) cells.push([]);
  const row = cells[r];
  while (row.length <= c) row.push(null);
  row[c] = value;
}

/** A date value of the plan: an ISO day becomes an Excel serial (shown with the date format). */
function dateValue(value: CellValue): CellValue {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? (excelSerialFromDate(value) ?? value) : value;
}

/** Where 序号 goes and which columns make a row count as filled. */
export function sequenceOf(spec: TemplateSpec): SequencePlan | null {
  const seq = spec.columns.find((c) => c.sequence);
  if (!seq) return null;
  return { col: seq.col, firstDataRow: spec.firstDataRow, valueCols: spec.columns.filter((c) => !c.sequence && !c.formula).map((c) => c.col) };
}

export function planTemplateSheet(spec: TemplateSpec, options: PlanTemplateSheetOptions = {}): TemplateSheetPlan {
  const first = spec.firstDataRow;
  const last = spec.firstDataRow + spec.dataRows - 1;
  const cells: CellValue[][] = [];
  const formulas: Record<string, string> = {};
  const cellFormats: Record<string, string> = {};
  const boldRanges: string[] = [spec.titleCell];

  place(cells, spec.titleCell, spec.title);
  for (const field of spec.headerFields) {
    place(cells, field.labelCell, field.label);
    boldRanges.push(field.labelCell);
    const given = options.header?.[field.key];
    if (field.type === 'date') {
      cellFormats[field.valueCell] = DATE_FORMAT;
      if (given !== undefined) place(cells, field.valueCell, dateValue(given));
    } else if (given !== undefined) {
      if (field.type === 'text' || field.type === 'month') cellFormats[field.valueCell] = '@';
      place(cells, field.valueCell, given);
    }
  }
  for (const computed of spec.computedCells) {
    place(cells, computed.labelCell, computed.label);
    boldRanges.push(computed.labelCell);
    const cell = parseCellAddress(computed.valueCell);
    const formula = cell ? templateFormulaAt(spec, cell.row, cell.col) : null;
    if (formula) formulas[computed.valueCell] = formula;
  }
  for (const column of spec.columns) place(cells, `${column.col}${spec.headerRow}`, column.label);
  const lastCol = spec.columns.reduce((m, c) => Math.max(m, columnNumber(c.col)), 1);
  boldRanges.push(`A${spec.headerRow}:${spec.columns.find((c) => columnNumber(c.col) === lastCol)?.col ?? 'A'}${spec.headerRow}`);

  (options.rows ?? []).forEach((row, i) => {
    const r = first + i;
    for (const column of spec.columns) {
      if (column.formula) continue;
      const value = row[column.col];
      if (value === undefined || value === null || value === '') continue;
      place(cells, `${column.col}${r}`, column.type === 'date' ? dateValue(value) : value);
    }
  });

  const columns: ColumnPlan[] = spec.columns.map((column) => {
    const plan: ColumnPlan = { col: column.col };
    if (column.width !== undefined) plan.width = column.width;
    const format = columnFormat(column);
    if (format) plan.numberFormat = format;
    const list = columnList(column);
    if (list) plan.list = list;
    if (column.formula) {
      plan.formulas = Array.from({ length: last - first + 1 }, (_, i) => templateFormulaAt(spec, first + i, column.col) ?? '');
    }
    return plan;
  });

  return {
    sheetName: spec.sheetName,
    identity: { id: spec.id, version: spec.version },
    cells,
    formulas,
    cellFormats,
    headerRow: spec.headerRow,
    firstDataRow: first,
    lastDataRow: last,
    columns,
    boldRanges,
    sequence: sequenceOf(spec),
  };
}

/**
 * The 序号 a filled data row should carry: 1, 2, 3 … over the rows that have any cell but 序号 filled.
 * Returns the writes for filled rows whose 序号 is empty (typed numbers are kept: gaps and repeats are fine).
 */
export function planSequenceNumbers(sequence: SequencePlan, values: CellValue[][]): { cell: string; value: number }[] {
  const seqIndex = columnNumber(sequence.col) - 1;
  const others = sequence.valueCols.map((c) => columnNumber(c) - 1);
  const writes: { cell: string; value: number }[] = [];
  let n = 0;
  for (let r = sequence.firstDataRow - 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const filled = others.some((c) => row[c] !== null && row[c] !== undefined && row[c] !== '');
    if (!filled) continue;
    n += 1;
    const current = row[seqIndex];
    if (current === null || current === undefined || current === '') writes.push({ cell: `${sequence.col}${r + 1}`, value: n });
    else if (typeof current === 'number') n = current;
  }
  return writes;
}
