/** The shapes of a planned summary workbook (plan-summary-workbook.ts), drawn by every writer. */

/** A cell's value in a plan: text, number (a date as its Excel serial), or empty. */
export type PlannedValue = string | number | null;

/** Number formats of the summary workbook. */
export const SUMMARY_FORMATS = {
  general: 'General',
  integer: '0',
  decimal: '0.00',
  money: '#,##0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  text: '@',
} as const;

/** How a table line stands out: a fill (#RRGGBB) for 目标达成预警, 未报送 and files with errors, bold for the total. */
export interface RowStyle {
  fill?: string;
  bold?: boolean;
}

/** Printing as a manager does before the morning meeting: A4 landscape, one page wide, the header rows on every page. */
export interface PrintPlan {
  paperSize: 'A4';
  orientation: 'landscape';
  fitToWidth: 1;
  /** 0: as many pages tall as the table needs. */
  fitToHeight: 0;
  /** First and last sheet row (1-based) repeated at the top of each printed page. */
  titleRows: [number, number];
}

export interface SummarySheetPlan {
  name: string;
  /** Rows 1 .. headerRow-1 from column A: the title (row 1, bold and large), the info line, an empty row. */
  titleRows: PlannedValue[][];
  /** Sheet row (1-based) of the table's header; the body starts below it. Frozen, filtered, printed on every page. */
  headerRow: number;
  header: string[];
  body: PlannedValue[][];
  /** Number format per column of the table (SUMMARY_FORMATS). */
  columnFormats: string[];
  /** Width per column, in characters (Excel's column width unit). */
  columnWidths: number[];
  /** Per body line: its fill or bold, or null. */
  rowStyles: (RowStyle | null)[];
  print: PrintPlan;
}

/** A clustered bar chart of one value per ranked outlet, read from the summary sheet's cells. */
export interface SummaryChartPlan {
  sheetName: string;
  title: string;
  /** Table columns (0-based) of the outlet names and of the values. */
  categoryColumn: number;
  valueColumn: number;
  /** Sheet rows (1-based, inclusive) of the ranked lines. */
  firstRow: number;
  lastRow: number;
  /** The cells' contents, cached in the chart so viewers show it without recalculating. */
  categories: string[];
  values: (number | null)[];
  numberFormat: string;
  /** Where the chart sits: from the top-left corner of (fromColumn, fromRow) to that of (toColumn, toRow), 0-based. */
  anchor: { fromColumn: number; fromRow: number; toColumn: number; toRow: number };
}

/** What the pane reports after writing ("n 个网点预警"), counted from the plan's own lines. */
export interface SummaryCounts {
  ranked: number;
  warned: number;
  missing: number;
  rejected: number;
  late: number;
}

export interface SummaryWorkbookPlan {
  /** The workbook's title (document properties). */
  title: string;
  /** 汇总 first, then 明细 when rows were given. */
  sheets: SummarySheetPlan[];
  /** On the first sheet, below the table; null when no outlet is ranked. */
  chart: SummaryChartPlan | null;
  counts: SummaryCounts;
}
