import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import { isFormulaLikeText } from '../security/is-formula-like-text';
import { maskPhoneColumns } from '../security/mask-phone-columns';
import type { SummaryColumn, TemplateSpec } from '../spec/schema';
import type { ConsolidatedSummary, SummaryValues } from '../summary/consolidated-summary';
import { rejectedFileNote } from '../summary/rejected-file-note';
import { lateMark } from '../summary/late-mark';
import type { TypedRow, TypedValue } from '../validation/types';
import { toUint8Array } from './_lib/bytes';
import { isoDayToDate } from './_lib/excel-date';
import { headerStyle, NUMBER_FORMATS, numberFormatOf, style, thinBorders } from './_lib/styles';

/** The rows of one unit (outlet or workplace code) for the detail sheet. */
export interface UnitRows {
  unit: string;
  rows: readonly TypedRow[];
}

/** Sheet names of the summary workbook. */
export const SUMMARY_SHEET_NAME = '汇总';
export const ROWS_SHEET_NAME = '明细';

const TITLE_ROW = 1;
const INFO_ROW = 2;
const HEADER_ROW = 4;
const MISSING_NOTE = '未报送';
const UNLISTED_NOTE = '不在机构名单';

/**
 * Printing as a manager does before the morning meeting: A4 landscape, every column on one page width,
 * the header rows repeated on each page.
 */
function setPrintLayout(sheet: ExcelJS.Worksheet): void {
  sheet.pageSetup = { ...sheet.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true };
  sheet.pageSetup.printTitlesRow = `1:${HEADER_ROW}`;
}

/**
 * Writes the consolidated summary as a formatted workbook: sheet 汇总 with the ranked table (ranked and
 * unranked lines, then the files with errors as 有错误（n 处）, then 未报送 outlets, then the bold sub-branch total), and, when `rows` is given, sheet 明细
 * with the outlets' rows, phone numbers masked. Texts that a spreadsheet could take for a formula are
 * written as plain strings in a text-formatted cell (see shared/src/security/neutralise-formula-text.ts).
 */
export async function writeSummaryWorkbook(
  spec: TemplateSpec,
  summary: ConsolidatedSummary,
  rows?: readonly UnitRows[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'pts';
  workbook.title = `${spec.title}汇总`;
  writeSummarySheet(workbook.addWorksheet(SUMMARY_SHEET_NAME), spec, summary);
  if (rows) writeRowsSheet(workbook.addWorksheet(ROWS_SHEET_NAME), spec, summary, rows);
  return toUint8Array(await workbook.xlsx.writeBuffer());
}

interface TableColumn {
  header: string;
  width: number;
  numFmt?: string;
}

function unitWord(spec: TemplateSpec): string {
  return spec.summary.units === 'outlets' ? '网点' : '职场/网点';
}

function periodText(summary: ConsolidatedSummary): string {
  return summary.from === summary.to ? summary.from : `${summary.from} 至 ${summary.to}`;
}

function writeSummarySheet(sheet: Worksheet, spec: TemplateSpec, summary: ConsolidatedSummary): void {
  const valueColumns = spec.summary.columns;
  const alsoRanks = spec.summary.alsoRankBy;
  const columns: TableColumn[] = [
    { header: '排名', width: 8 },
    ...alsoRanks.map((label) => ({ header: `${label}排名`, width: 10 })),
    { header: `${unitWord(spec)}代码`, width: 12 },
    { header: `${unitWord(spec)}名称`, width: 20 },
    ...valueColumns.map((column) => {
      const numFmt = summaryNumberFormat(spec, column);
      // Money sums of a sub-branch run to tens of millions (12,345,678.00): room for 14 characters, so no ####.
      return { header: column.label, width: Math.max(numFmt === NUMBER_FORMATS.money ? 15 : 10, column.label.length * 2 + 2), numFmt };
    }),
    { header: '备注', width: 16 },
  ];

  writeTitle(sheet, `${spec.title}汇总（支行 ${summary.subBranch}，${periodText(summary)}）`, [
    `支行：${summary.subBranch}`,
    `期间：${periodText(summary)}`,
    `排名方式：${summary.ranking === 'dense' ? '中国式排名' : 'RANK.EQ'}`,
  ]);
  writeHeaderRow(sheet, columns);

  const tableRows: (string | number | null)[][] = [];
  for (const line of summary.outlets) {
    tableRows.push([
      line.rank,
      ...alsoRanks.map((label) => line.ranks?.[label] ?? null),
      line.outlet,
      line.outletName,
      ...valuesOf(valueColumns, line.values),
      [line.unlisted ? UNLISTED_NOTE : '', lateMark(line.late)].filter((note) => note !== '').join('；') || null,
    ]);
  }
  for (const rejected of summary.rejected ?? []) {
    tableRows.push([null, ...alsoRanks.map(() => null), rejected.outlet, rejected.outletName, ...valueColumns.map(() => null), rejectedFileNote(rejected.errors)]);
  }
  for (const missing of summary.missing) {
    tableRows.push([null, ...alsoRanks.map(() => null), missing.outlet, missing.outletName, ...valueColumns.map(() => null), MISSING_NOTE]);
  }
  let rowNumber = HEADER_ROW + 1;
  for (const values of tableRows) writeTableRow(sheet, rowNumber++, columns, values, false);
  const lastLineRow = rowNumber - 1;
  writeTableRow(sheet, rowNumber, columns, ['合计', ...alsoRanks.map(() => null), summary.subBranch, '支行合计', ...valuesOf(valueColumns, summary.total), null], true);

  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }];
  setPrintLayout(sheet);
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(HEADER_ROW, lastLineRow), column: columns.length } };
}

function valuesOf(columns: readonly SummaryColumn[], values: SummaryValues): (number | null)[] {
  return columns.map((column) => values[column.label] ?? null);
}

/** Counts as whole numbers, money sums with two decimals, rates and shares as percentages. */
function summaryNumberFormat(spec: TemplateSpec, column: SummaryColumn): string {
  switch (column.agg) {
    case 'count':
    case 'count-equal':
      return NUMBER_FORMATS.integer;
    case 'sum': {
      const types = column.columns.map((col) => spec.columns.find((c) => c.col === col)?.type);
      if (types.some((t) => t === 'money')) return NUMBER_FORMATS.money;
      return types.every((t) => t === 'integer') ? NUMBER_FORMATS.integer : '0.00';
    }
    case 'average':
    case 'ratio':
      return '0.00';
    case 'share':
    case 'target-rate':
      return NUMBER_FORMATS.percent;
  }
}

function writeTitle(sheet: Worksheet, title: string, info: string[]): void {
  const titleCell = sheet.getCell(TITLE_ROW, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 16 };
  sheet.getRow(TITLE_ROW).height = 28;
  info.forEach((text, i) => setText(sheet.getCell(INFO_ROW, 1 + i * 3), text));
}

function writeHeaderRow(sheet: Worksheet, columns: readonly TableColumn[]): void {
  const row = sheet.getRow(HEADER_ROW);
  row.height = 32;
  columns.forEach((column, i) => {
    const cell = row.getCell(i + 1);
    cell.style = headerStyle();
    setText(cell, column.header);
    sheet.getColumn(i + 1).width = column.width;
  });
}

function writeTableRow(sheet: Worksheet, rowNumber: number, columns: readonly TableColumn[], values: readonly (string | number | null)[], bold: boolean): void {
  const row = sheet.getRow(rowNumber);
  values.forEach((value, i) => {
    const cell = row.getCell(i + 1);
    cell.style = style({ border: thinBorders, numFmt: columns[i].numFmt ?? 'General', font: bold ? { bold: true } : {} });
    if (typeof value === 'string') setText(cell, value);
    else if (value !== null) cell.value = value;
  });
}

function writeRowsSheet(sheet: Worksheet, spec: TemplateSpec, summary: ConsolidatedSummary, units: readonly UnitRows[]): void {
  const names = new Map([...summary.outlets, ...summary.missing, ...(summary.rejected ?? [])].map((line) => [line.outlet, line.outletName]));
  const columns: TableColumn[] = [
    { header: `${unitWord(spec)}代码`, width: 12 },
    { header: `${unitWord(spec)}名称`, width: 20 },
    { header: '行号', width: 6, numFmt: NUMBER_FORMATS.integer },
    ...spec.columns.map((column) => ({ header: column.label, width: column.width ?? 12, numFmt: numberFormatOf(column.type) })),
  ];
  writeTitle(sheet, `${spec.title}明细（支行 ${summary.subBranch}，${periodText(summary)}）`, [`支行：${summary.subBranch}`, `期间：${periodText(summary)}`]);
  writeHeaderRow(sheet, columns);
  let rowNumber = HEADER_ROW + 1;
  for (const unit of units) {
    for (const typedRow of maskPhoneColumns(spec, unit.rows)) {
      const row = sheet.getRow(rowNumber++);
      const cells: TypedValue[] = [unit.unit, names.get(unit.unit) ?? unit.unit, typedRow.rowNumber, ...spec.columns.map((c) => typedRow.values[c.col] ?? null)];
      cells.forEach((value, i) => {
        const cell = row.getCell(i + 1);
        cell.style = style({ border: thinBorders, numFmt: columns[i].numFmt ?? 'General' });
        const type = i >= 3 ? spec.columns[i - 3].type : 'text';
        writeTypedValue(cell, value, type === 'date');
      });
    }
  }
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }];
  setPrintLayout(sheet);
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(HEADER_ROW, rowNumber - 1), column: columns.length } };
}

function writeTypedValue(cell: Cell, value: TypedValue, isDate: boolean): void {
  if (value === null) return;
  if (typeof value === 'string') {
    const day = isDate ? isoDayToDate(value) : undefined;
    if (day) cell.value = day;
    else setText(cell, value);
    return;
  }
  cell.value = value;
}

/** A text as a plain string value; one that starts like a formula gets the text format, so editing it keeps it text. */
function setText(cell: Cell, text: string): void {
  cell.value = text;
  if (isFormulaLikeText(text)) cell.numFmt = NUMBER_FORMATS.text;
}
