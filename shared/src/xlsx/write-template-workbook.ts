import ExcelJS from 'exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import { IDENTITY_SHEET_NAME } from '../grid/types';
import type { HeaderField, TemplateSpec } from '../spec/schema';
import { templateFormulaAt } from '../spec/template-formula-at';
import { toUint8Array } from './_lib/bytes';
import { isoDayToDate } from './_lib/excel-date';
import {
  formulaStyle,
  headerStyle,
  inputStyle,
  labelStyle,
  lockedBlankStyle,
  NUMBER_FORMATS,
  numberFormatOf,
  style,
  titleStyle,
} from './_lib/styles';

export interface WriteTemplateWorkbookOptions {
  /** Values for the header block (row 2), keyed by header field key (or label); dates as `YYYY-MM-DD`. */
  header?: Record<string, string | number>;
}

const DEFAULT_WIDTH = 12;

/**
 * Writes the blank workbook of a template, as issued by head office: title, header block, computed
 * cells, styled header row, drop-downs, number formats, formulas in every data row, locked labels and
 * formulas, and the template identity in the very-hidden sheet `_pts_meta`. Returns the .xlsx bytes.
 */
export async function writeTemplateWorkbook(spec: TemplateSpec, options: WriteTemplateWorkbookOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'pts';
  workbook.title = spec.title;
  workbook.calcProperties.fullCalcOnLoad = true;

  const sheet = workbook.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: spec.headerRow, topLeftCell: `A${spec.firstDataRow}`, activeCell: `B${spec.firstDataRow}` }],
    properties: { defaultRowHeight: 18 },
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const lastDataRow = spec.firstDataRow + spec.dataRows - 1;

  layOutColumns(sheet, spec);
  lockTopRows(sheet, spec);
  writeTitle(sheet, spec);
  writeHeaderFields(sheet, spec, options.header ?? {});
  writeComputedCells(sheet, spec);
  writeHeaderRow(sheet, spec);
  writeDataRows(sheet, spec, lastDataRow);
  addDropDowns(sheet, spec, lastDataRow);

  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    sort: true,
    autoFilter: true,
  });

  const meta = workbook.addWorksheet(IDENTITY_SHEET_NAME, { state: 'veryHidden' });
  meta.addRow([spec.sheetName, spec.id, spec.version]);
  await meta.protect('', {});

  return toUint8Array(await workbook.xlsx.writeBuffer());
}

/** Widths, and a column style (unlocked, typed number format) that also covers rows past the issued data rows. */
function layOutColumns(sheet: Worksheet, spec: TemplateSpec): void {
  for (const column of spec.columns) {
    const sheetColumn = sheet.getColumn(column.col);
    sheetColumn.width = column.width ?? DEFAULT_WIDTH;
    sheetColumn.style = column.formula
      ? style({ numFmt: numberFormatOf(column.type), protection: { locked: true } })
      : style({ numFmt: numberFormatOf(column.type), protection: { locked: false } });
  }
}

/** Rows above the data stay locked, also where they are blank (the column style would unlock them). */
function lockTopRows(sheet: Worksheet, spec: TemplateSpec): void {
  for (let row = 1; row < spec.firstDataRow; row++) {
    for (const column of spec.columns) sheet.getCell(`${column.col}${row}`).style = lockedBlankStyle();
  }
}

function writeTitle(sheet: Worksheet, spec: TemplateSpec): void {
  const cell = sheet.getCell(spec.titleCell);
  cell.value = spec.title;
  cell.style = titleStyle();
  sheet.getRow(Number(/\d+$/.exec(spec.titleCell)?.[0] ?? 1)).height = 28;
}

function writeHeaderFields(sheet: Worksheet, spec: TemplateSpec, header: Record<string, string | number>): void {
  for (const field of spec.headerFields) {
    const label = sheet.getCell(field.labelCell);
    label.value = field.label;
    label.style = labelStyle();
    const value = sheet.getCell(field.valueCell);
    value.style = inputStyle(numberFormatOf(field.type));
    const given = header[field.key] ?? header[field.label];
    if (given !== undefined) value.value = headerValue(field, given);
    if (field.type === 'enum' && field.enum) value.dataValidation = listValidation(field.enum, field.label);
  }
}

function headerValue(field: HeaderField, given: string | number): string | number | Date {
  if (field.type === 'date' && typeof given === 'string') return isoDayToDate(given) ?? given;
  return given;
}

function writeComputedCells(sheet: Worksheet, spec: TemplateSpec): void {
  for (const computed of spec.computedCells) {
    const label = sheet.getCell(computed.labelCell);
    label.value = computed.label;
    label.style = labelStyle();
    const value = sheet.getCell(computed.valueCell);
    const [, column, row] = /^([A-Z]+)(\d+)$/.exec(computed.valueCell) ?? [];
    value.value = { formula: stripEquals(templateFormulaAt(spec, Number(row), column) ?? ''), date1904: false };
    value.style = formulaStyle(computed.label.includes('元') ? NUMBER_FORMATS.money : NUMBER_FORMATS.integer);
  }
}

function writeHeaderRow(sheet: Worksheet, spec: TemplateSpec): void {
  const row = sheet.getRow(spec.headerRow);
  row.height = 32;
  for (const column of spec.columns) {
    const cell = row.getCell(column.col);
    cell.value = column.label;
    cell.style = headerStyle();
  }
}

/** Bordered input cells, and the formula of every computed column in every data row. */
function writeDataRows(sheet: Worksheet, spec: TemplateSpec, lastDataRow: number): void {
  const inputStyles = new Map(spec.columns.map((c) => [c.col, inputStyle(numberFormatOf(c.type))]));
  const formulaStyles = new Map(spec.columns.map((c) => [c.col, formulaStyle(numberFormatOf(c.type))]));
  for (let r = spec.firstDataRow; r <= lastDataRow; r++) {
    const row = sheet.getRow(r);
    for (const column of spec.columns) {
      const cell = row.getCell(column.col);
      if (column.formula) {
        cell.value = { formula: stripEquals(templateFormulaAt(spec, r, column.col) ?? ''), date1904: false };
        cell.style = formulaStyles.get(column.col)!;
      } else {
        cell.style = inputStyles.get(column.col)!;
      }
    }
  }
}

/** Drop-down lists on every enum and 是/否 column over the issued data rows. */
function addDropDowns(sheet: Worksheet, spec: TemplateSpec, lastDataRow: number): void {
  for (const column of spec.columns) {
    if (column.formula) continue;
    const values = column.type === 'enum' ? column.enum : column.type === 'boolean' ? ['是', '否'] : undefined;
    if (!values) continue;
    rangeValidations(sheet).add(`${column.col}${spec.firstDataRow}:${column.col}${lastDataRow}`, listValidation(values, column.label));
  }
}

/** ExcelJS 4.4 supports range data validations (`sqref` ranges) but its typings omit `dataValidations`. */
function rangeValidations(sheet: Worksheet): { add(range: string, validation: DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: DataValidation): void } }).dataValidations;
}

function listValidation(values: readonly string[], label: string): DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: label,
    error: `请从下拉列表中选择：${values.join('、')} / choose from the list`,
    showInputMessage: false,
  };
}

function stripEquals(formula: string): string {
  return formula.startsWith('=') ? formula.slice(1) : formula;
}
