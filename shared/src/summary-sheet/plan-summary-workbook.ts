/**
 * The summary workbook as one plan: the sheets, their cells, number formats, column widths, print set-up,
 * row marks and the chart. The ExcelJS writer (`pts summary --out`, `GET /consolidated.xlsx`) and the pane's
 * WorkbookHost (Office.js, the memory workbook) only draw it, so the three faces show the same workbook.
 */
import { DEFAULT_WARN_BELOW } from '../org/schema';
import { excelSerialFromDate } from '../normalise/excel-serial-from-date';
import { maskPhoneColumns } from '../security/mask-phone-columns';
import type { SummaryColumn, TemplateSpec, ValueType } from '../spec/schema';
import type { ConsolidatedSummary, SummaryValues } from '../summary/consolidated-summary';
import { lateMark } from '../summary/late-mark';
import { rejectedFileNote } from '../summary/rejected-file-note';
import type { TypedRow } from '../validation/types';
import { displayWidth, formattedWidth } from './_lib/display-width';
import { SUMMARY_FORMATS, type PlannedValue, type RowStyle, type SummaryChartPlan, type SummarySheetPlan, type SummaryWorkbookPlan } from './types';

/** The rows of one unit (outlet or workplace code) for the detail sheet. */
export interface UnitRows {
  unit: string;
  rows: readonly TypedRow[];
}

export interface PlanSummaryWorkbookOptions {
  /** The units' rows for the 明细 sheet; phone numbers are masked here whatever the caller passes. */
  rows?: readonly UnitRows[];
}

export const WARNING_LABEL = '目标达成预警';
export const WARNING_MARK = '预警';
export const MISSING_MARK = '未报送';
const UNLISTED_NOTE = '不在机构名单';
const REJECTED_MARK = '有错误';
/** Row 1 title, row 2 sub-branch, period, ranking and warning line, row 3 empty, row 4 the header. */
const HEADER_ROW = 4;
/** Fills of the marked lines, as #RRGGBB. */
export const ROW_FILLS = { warning: '#FDE2E1', missing: '#EDEDED', rejected: '#FFF3CD' } as const;
/** Money up to this sum fits its column without ### (a sub-branch over a long campaign). */
const LARGEST_MONEY = 9_999_999_999.99;
const MAX_COLUMN_WIDTH = 40;

/** Sheet names may not hold : \ / ? * [ ] and are at most 31 characters. */
function sheetNameFor(prefix: string, from: string, to: string): string {
  const period = from === to ? from : `${from}~${to.slice(5)}`;
  return `${prefix} ${period}`.replace(/[:\\/?*[\]]/g, '-').slice(0, 31);
}

function periodText(summary: ConsolidatedSummary): string {
  return summary.from === summary.to ? summary.from : `${summary.from} 至 ${summary.to}`;
}

/** 城东支行 3301 in a title (its parentheses already taken), the bare code when the summary carries no name. */
function subBranchTitle(summary: ConsolidatedSummary): string {
  return summary.subBranchName ? `${summary.subBranchName} ${summary.subBranch}` : `支行 ${summary.subBranch}`;
}

function unitWord(spec: TemplateSpec): string {
  return spec.summary.units === 'outlets' ? '网点' : '职场/网点';
}

/** Counts as whole numbers, money with two decimals, rates and shares as percentages. */
function summaryFormat(spec: TemplateSpec, column: SummaryColumn): string {
  switch (column.agg) {
    case 'count':
    case 'count-equal':
      return SUMMARY_FORMATS.integer;
    case 'sum': {
      const types = column.columns.map((col) => spec.columns.find((c) => c.col === col)?.type);
      if (types.some((t) => t === 'money')) return SUMMARY_FORMATS.money;
      return types.every((t) => t === 'integer') ? SUMMARY_FORMATS.integer : SUMMARY_FORMATS.decimal;
    }
    case 'average':
    case 'ratio':
      return SUMMARY_FORMATS.decimal;
    case 'share':
    case 'target-rate':
      return SUMMARY_FORMATS.percent;
  }
}

function rowFormatOf(type: ValueType): string {
  switch (type) {
    case 'money':
      return SUMMARY_FORMATS.money;
    case 'date':
      return SUMMARY_FORMATS.date;
    case 'integer':
      return SUMMARY_FORMATS.integer;
    case 'phone':
    case 'text':
    case 'month':
      return SUMMARY_FORMATS.text;
    default:
      return SUMMARY_FORMATS.general;
  }
}

/**
 * Widths in characters (Excel's column unit) that fit the header (wrapped on two lines), every value as its
 * format shows it, and money up to 9,999,999,999.99; CJK characters count double (displayWidth).
 */
function columnWidthsOf(header: readonly string[], body: readonly PlannedValue[][], formats: readonly string[]): number[] {
  return header.map((label, c) => {
    let width = Math.ceil(displayWidth(label) / 2);
    if (formats[c] === SUMMARY_FORMATS.money) width = Math.max(width, formattedWidth(LARGEST_MONEY, formats[c]));
    for (const row of body) {
      const value = row[c];
      if (value === null || value === undefined || value === '') continue;
      width = Math.max(width, typeof value === 'number' ? formattedWidth(value, formats[c]) : displayWidth(value));
    }
    return Math.min(MAX_COLUMN_WIDTH, Math.max(6, Math.ceil(width + 2)));
  });
}

function print(headerRow: number): SummarySheetPlan['print'] {
  return { paperSize: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, titleRows: [1, headerRow] };
}

function valuesOf(columns: readonly SummaryColumn[], values: SummaryValues): PlannedValue[] {
  return columns.map((column) => values[column.label] ?? null);
}

/**
 * Plans the summary workbook of a consolidated summary: sheet 汇总 (ranked outlets, files with errors, 未报送
 * outlets, the sub-branch total; 目标达成预警 below the organisation's warnBelow; the chart of the ranking value
 * below the table) and, when rows are given, sheet 明细 with the units' rows, phone numbers masked.
 */
export function planSummaryWorkbook(spec: TemplateSpec, summary: ConsolidatedSummary, options: PlanSummaryWorkbookOptions = {}): SummaryWorkbookPlan {
  const valueColumns = spec.summary.columns;
  const alsoRanks = spec.summary.alsoRankBy;
  const targetRate = valueColumns.find((column) => column.agg === 'target-rate');
  const warnBelow = summary.warnBelow ?? DEFAULT_WARN_BELOW;
  const unit = unitWord(spec);
  const subBranchText = summary.subBranchName ? `${summary.subBranchName}（${summary.subBranch}）` : summary.subBranch;

  const header = [
    '排名',
    ...alsoRanks.map((label) => `${label}排名`),
    `${unit}代码`,
    `${unit}名称`,
    ...valueColumns.map((column) => column.label),
    ...(targetRate ? [WARNING_LABEL] : []),
    '备注',
  ];
  const formats = [
    SUMMARY_FORMATS.integer,
    ...alsoRanks.map(() => SUMMARY_FORMATS.integer),
    SUMMARY_FORMATS.text,
    SUMMARY_FORMATS.text,
    ...valueColumns.map((column) => summaryFormat(spec, column)),
    ...(targetRate ? [SUMMARY_FORMATS.text] : []),
    SUMMARY_FORMATS.text,
  ];

  const body: PlannedValue[][] = [];
  const rowStyles: (RowStyle | null)[] = [];
  const counts = { ranked: 0, warned: 0, missing: summary.missing.length, rejected: summary.rejected?.length ?? 0, late: 0 };
  for (const line of summary.outlets) {
    const rate = targetRate ? line.values[targetRate.label] : undefined;
    // No target, no rate (null): nothing to fall behind.
    const behind = typeof rate === 'number' && rate < warnBelow;
    if (line.rank !== null) counts.ranked += 1;
    if (behind) counts.warned += 1;
    if (line.late) counts.late += 1;
    body.push([
      line.rank,
      ...alsoRanks.map((label) => line.ranks?.[label] ?? null),
      line.outlet,
      line.outletName,
      ...valuesOf(valueColumns, line.values),
      ...(targetRate ? [behind ? WARNING_MARK : null] : []),
      [line.unlisted ? UNLISTED_NOTE : '', lateMark(line.late)].filter((note) => note !== '').join('；') || null,
    ]);
    rowStyles.push(behind ? { fill: ROW_FILLS.warning } : null);
  }
  // The ranked lines come first and in rank order: the chart takes them from the top of the table.
  const chartRows = summary.outlets.filter((line) => line.rank !== null).length;
  for (const rejected of summary.rejected ?? []) {
    body.push([REJECTED_MARK, ...alsoRanks.map(() => null), rejected.outlet, rejected.outletName, ...valueColumns.map(() => null), ...(targetRate ? [null] : []), rejectedFileNote(rejected.errors)]);
    rowStyles.push({ fill: ROW_FILLS.rejected });
  }
  // An outlet that did not report is 未报送, in the rank column and in the warning column, never 预警 (templates.md).
  for (const missing of summary.missing) {
    body.push([MISSING_MARK, ...alsoRanks.map(() => null), missing.outlet, missing.outletName, ...valueColumns.map(() => null), ...(targetRate ? [MISSING_MARK] : []), null]);
    rowStyles.push({ fill: ROW_FILLS.missing });
  }
  body.push(['合计', ...alsoRanks.map(() => null), summary.subBranch, summary.subBranchName ?? '支行合计', ...valuesOf(valueColumns, summary.total), ...(targetRate ? [null] : []), null]);
  rowStyles.push({ bold: true });

  const title = `${spec.title}汇总（${subBranchTitle(summary)}，${periodText(summary)}）`;
  const infoLine = [
    `支行：${subBranchText}`,
    `期间：${periodText(summary)}`,
    `排名方式：${summary.ranking === 'dense' ? '中国式排名' : 'RANK.EQ'}`,
    ...(targetRate ? [`${WARNING_LABEL}：${targetRate.label}低于 ${Math.round(warnBelow * 1000) / 10}%`] : []),
  ].join('　');

  const summarySheet: SummarySheetPlan = {
    name: sheetNameFor('汇总', summary.from, summary.to),
    titleRows: [[title], [infoLine], []],
    headerRow: HEADER_ROW,
    header,
    body,
    columnFormats: formats,
    columnWidths: columnWidthsOf(header, body, formats),
    rowStyles,
    print: print(HEADER_ROW),
  };

  const sheets = [summarySheet];
  if (options.rows) sheets.push(planRowsSheet(spec, summary, options.rows, subBranchText));

  return { title, sheets, chart: planChart(spec, summarySheet, chartRows), counts };
}

function planChart(spec: TemplateSpec, sheet: SummarySheetPlan, rankedRows: number): SummaryChartPlan | null {
  const label = spec.summary.columns.find((column) => column.agg === 'target-rate')?.label ?? spec.summary.rankBy;
  const valueColumn = sheet.header.indexOf(label);
  if (valueColumn < 0 || rankedRows === 0) return null;
  const categoryColumn = sheet.header.indexOf(`${unitWord(spec)}名称`);
  const firstRow = sheet.headerRow + 1;
  const lines = sheet.body.slice(0, rankedRows);
  // Below the table (one blank row after the total), as wide as the table: printed one page wide with it.
  const fromRow = sheet.headerRow + sheet.body.length + 1;
  return {
    sheetName: sheet.name,
    title: label,
    categoryColumn,
    valueColumn,
    firstRow,
    lastRow: firstRow + rankedRows - 1,
    categories: lines.map((row) => String(row[categoryColumn] ?? '')),
    values: lines.map((row) => (typeof row[valueColumn] === 'number' ? row[valueColumn] : null)),
    numberFormat: sheet.columnFormats[valueColumn],
    anchor: { fromColumn: 0, fromRow, toColumn: sheet.header.length, toRow: fromRow + Math.max(14, Math.ceil(rankedRows * 1.3) + 6) },
  };
}

function planRowsSheet(spec: TemplateSpec, summary: ConsolidatedSummary, units: readonly UnitRows[], subBranchText: string): SummarySheetPlan {
  const unit = unitWord(spec);
  const names = new Map([...summary.outlets, ...summary.missing, ...(summary.rejected ?? [])].map((line) => [line.outlet, line.outletName]));
  const header = [`${unit}代码`, `${unit}名称`, '行号', ...spec.columns.map((column) => column.label)];
  const formats = [SUMMARY_FORMATS.text, SUMMARY_FORMATS.text, SUMMARY_FORMATS.integer, ...spec.columns.map((column) => rowFormatOf(column.type))];
  const body: PlannedValue[][] = [];
  for (const { unit: code, rows } of units) {
    for (const row of maskPhoneColumns(spec, rows)) {
      body.push([
        code,
        names.get(code) ?? code,
        row.rowNumber,
        ...spec.columns.map((column) => {
          const value = row.values[column.col] ?? null;
          if (column.type === 'date' && typeof value === 'string') return excelSerialFromDate(value) ?? value;
          return typeof value === 'boolean' ? (value ? '是' : '否') : value;
        }),
      ]);
    }
  }
  return {
    name: sheetNameFor('明细', summary.from, summary.to),
    titleRows: [[`${spec.title}明细（${subBranchTitle(summary)}，${periodText(summary)}）`], [`支行：${subBranchText}\u3000期间：${periodText(summary)}`], []],
    headerRow: HEADER_ROW,
    header,
    body,
    columnFormats: formats,
    columnWidths: columnWidthsOf(header, body, formats),
    rowStyles: body.map(() => null),
    print: print(HEADER_ROW),
  };
}
