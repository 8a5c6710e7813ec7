/**
 * Plans the sub-branch manager's summary sheet and rows sheet from GET /consolidated: ranked outlets first,
 * then those that did not report (未报送), the total line, the 迟报 mark (reports received after the deadline),
 * the 目标达成预警 flag and the chart of the target rate.
 */
import type { SummaryColumn, TemplateSpec } from '#shared/spec/schema';
import type { CellValue } from '#shared/grid/types';
import type { SummarySheetsPlan } from '../excel/workbook-host';
import type { ConsolidatedSummaryView } from '../api/types';
import { LATE_LABEL, lateMark } from '#shared/summary/late-mark';
import { excelSerialFromDate } from '#shared/normalise/excel-serial-from-date';

/** An outlet below this share of its target for the period is flagged 目标达成预警. */
export const TARGET_WARNING_THRESHOLD = 0.8;
export const WARNING_LABEL = '目标达成预警';
export const MISSING_LABEL = '未报送';

function formatOf(column: SummaryColumn): string {
  switch (column.agg) {
    case 'target-rate':
    case 'share':
      return '0.0%';
    case 'ratio':
    case 'average':
      return '0.00';
    case 'sum':
      return '#,##0.00';
    default:
      return '0';
  }
}

/** Sheet names may not hold : \ / ? * [ ] and are at most 31 characters. */
function sheetNameFor(prefix: string, from: string, to: string): string {
  const period = from === to ? from : `${from}~${to.slice(5)}`;
  return `${prefix} ${period}`.replace(/[:\\/?*[\]]/g, '-').slice(0, 31);
}

export function planSummarySheets(spec: TemplateSpec, summary: ConsolidatedSummaryView): SummarySheetsPlan {
  const labels = spec.summary.columns.map((c) => c.label);
  const targetRate = spec.summary.columns.find((c) => c.agg === 'target-rate');
  const extraRanks = spec.summary.alsoRankBy;
  const header = ['排名', '网点代码', '网点', ...labels, ...extraRanks.map((l) => `排名(${l})`), LATE_LABEL, ...(targetRate ? [WARNING_LABEL] : [])];
  const columnFormats = ['', '@', '@', ...spec.summary.columns.map(formatOf), ...extraRanks.map(() => ''), '@', ...(targetRate ? ['@'] : [])];

  const rows: CellValue[][] = [];
  const warningRows: number[] = [];
  const missingRows: number[] = [];
  for (const outlet of summary.outlets) {
    const rate = targetRate ? outlet.values[targetRate.label] : null;
    const behind = targetRate !== undefined && (rate === null || rate === undefined || rate < (summary.warnBelow ?? TARGET_WARNING_THRESHOLD));
    if (behind) warningRows.push(rows.length);
    rows.push([
      outlet.rank,
      outlet.outlet,
      outlet.outletName,
      ...labels.map((l) => outlet.values[l] ?? null),
      ...extraRanks.map((l) => outlet.ranks?.[l] ?? null),
      lateMark(outlet.late),
      ...(targetRate ? [behind ? '预警' : ''] : []),
    ]);
  }
  // An outlet that did not report is 未报送, not 预警 (templates.md): it stands out as missing instead.
  for (const missing of summary.missing) {
    missingRows.push(rows.length);
    rows.push([
      MISSING_LABEL,
      missing.outlet,
      missing.outletName,
      ...labels.map(() => null),
      ...extraRanks.map(() => null),
      '',
      ...(targetRate ? [''] : []),
    ]);
  }
  const totalRow = rows.length;
  rows.push(['合计', summary.subBranch, '', ...labels.map((l) => summary.total[l] ?? null), ...extraRanks.map(() => null), '', ...(targetRate ? [''] : [])]);

  const chartLabel = targetRate?.label ?? spec.summary.rankBy;
  const chartColumn = header.indexOf(chartLabel);
  const chart =
    chartColumn >= 0 && summary.outlets.length + summary.missing.length > 0
      ? { title: chartLabel, categoryColumn: 2, valueColumn: chartColumn, rowCount: summary.outlets.length + summary.missing.length }
      : null;

  let rowsSheet: SummarySheetsPlan['rowsSheet'] = null;
  if (summary.rows) {
    const dataColumns = spec.columns.filter((c) => !c.sequence);
    const names = new Map([...summary.outlets, ...summary.missing].map((o) => [o.outlet, o.outletName]));
    const detail: CellValue[][] = [];
    for (const unit of summary.rows) {
      const code = unit.outlet;
      for (const row of unit.rows) {
        detail.push([
          code,
          names.get(code) ?? code,
          ...dataColumns.map((c) => {
            const v = row.values[c.col] ?? null;
            return c.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? (excelSerialFromDate(v) ?? v) : v;
          }),
        ]);
      }
    }
    rowsSheet = {
      name: sheetNameFor('明细', summary.from, summary.to),
      header: ['网点代码', '网点', ...dataColumns.map((c) => c.label)],
      rows: detail,
      columnFormats: ['@', '@', ...dataColumns.map((c) => (c.type === 'date' ? 'yyyy-mm-dd' : c.type === 'money' ? '#,##0.00' : c.type === 'text' || c.type === 'phone' ? '@' : ''))],
    };
  }

  return {
    summarySheet: {
      name: sheetNameFor('汇总', summary.from, summary.to),
      title: `${spec.title} 汇总 ${summary.from === summary.to ? summary.from : `${summary.from} 至 ${summary.to}`}（支行 ${summary.subBranch}）`,
      header,
      rows,
      columnFormats,
      warningRows,
      missingRows,
      totalRow,
      chart,
    },
    rowsSheet,
  };
}
