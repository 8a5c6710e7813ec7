import type { Finding } from '../findings/types';
import { excelSerialFromDate } from '../normalise/excel-serial-from-date';
import type { TemplateSpec, ValueType } from '../spec/schema';
import { isFormulaFix } from './is-formula-fix';

/** The number format a date fix is shown in when its cell has none of its own. */
export const FIX_DATE_FORMAT = 'yyyy-mm-dd';
/** The number format that keeps a text fix text in a spreadsheet that would read `13800138000` as a number. */
export const FIX_TEXT_FORMAT = '@';

/** Where a fix goes: the sheet, the A1 cell and its row and column. */
interface FixPlace {
  sheetName: string;
  /** A1 address without the sheet name (`K12`). */
  cell: string;
  row: number;
  column: string;
}

/**
 * What to write into a cell for a safe fix, decided once for every writer (the pane through its
 * WorkbookHost, the .xlsx patch writer of `pts fix` and the web page):
 * - `formula`: the template's formula of a computed cell (isFormulaFix), without the leading '=';
 * - `date`: an ISO day fix in a date cell, as an Excel serial (1900 system) shown in a date format;
 * - `number`: a number, in the cell's own format;
 * - `text`: anything else, written as text even when it starts with '=' (never as a formula).
 */
export type FixWrite = FixPlace &
  (
    | { kind: 'formula'; formula: string }
    | { kind: 'date'; serial: number; numberFormat: typeof FIX_DATE_FORMAT }
    | { kind: 'number'; value: number }
    | { kind: 'text'; value: string; numberFormat: typeof FIX_TEXT_FORMAT }
  );

/**
 * The write a finding's safe fix asks for, or null when the finding has no fix or stands at no cell.
 * The cell's type is the header field's when the cell is a header value cell (F2 填报日期), else the
 * data column's from the first data row on: a header cell never takes the type of the column below it.
 */
export function planFixWrite(spec: TemplateSpec, finding: Finding): FixWrite | null {
  if (finding.fix === null || finding.row === undefined || finding.column === undefined) return null;
  const cell = `${finding.column}${finding.row}`;
  const bang = finding.address.lastIndexOf('!');
  const place: FixPlace = { sheetName: bang >= 0 ? finding.address.slice(0, bang) : spec.sheetName, cell, row: finding.row, column: finding.column };
  if (isFormulaFix(finding)) return { ...place, kind: 'formula', formula: finding.fix.replace(/^=/, '') };
  if (typeof finding.fix === 'number') return { ...place, kind: 'number', value: finding.fix };
  if (valueTypeAt(spec, finding.column, finding.row) === 'date') {
    const serial = excelSerialFromDate(finding.fix);
    if (serial !== null) return { ...place, kind: 'date', serial, numberFormat: FIX_DATE_FORMAT };
  }
  return { ...place, kind: 'text', value: finding.fix, numberFormat: FIX_TEXT_FORMAT };
}

function valueTypeAt(spec: TemplateSpec, column: string, row: number): ValueType | undefined {
  const header = spec.headerFields.find((field) => field.valueCell === `${column}${row}`);
  if (header) return header.type;
  if (row >= spec.firstDataRow) return spec.columns.find((c) => c.col === column)?.type;
  return undefined;
}
