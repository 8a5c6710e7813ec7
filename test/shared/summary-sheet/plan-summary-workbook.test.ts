import { builtinTemplates } from '#shared/spec/builtin-templates';
import type { ConsolidatedSummary } from '#shared/summary/consolidated-summary';
import { planSummaryWorkbook } from '#shared/summary-sheet/plan-summary-workbook';
import { displayWidth, formatForWidth } from '#shared/summary-sheet/_lib/display-width';

const inviteDaily = builtinTemplates.find((s) => s.id === 'invite-daily')!;
const activity = builtinTemplates.find((s) => s.id === 'activity-tracking')!;

const summary: ConsolidatedSummary = {
  template: 'invite-daily',
  subBranch: '3301',
  subBranchName: '城东支行',
  from: '2026-12-01',
  to: '2026-12-07',
  ranking: 'rank.eq',
  outlets: [
    { outlet: '3301002', outletName: '新华路', rank: 1, values: { 有效邀约: 110, 有效邀约达成率: 110 / 105 } },
    { outlet: '3301001', outletName: '营业部', rank: 2, values: { 有效邀约: 80, 有效邀约达成率: 80 / 105 }, late: 2 },
  ],
  missing: [{ outlet: '3301003', outletName: '解放路' }],
  total: { 有效邀约: 190, 有效邀约达成率: 190 / 315 },
  warnBelow: 0.8,
};

describe('planSummaryWorkbook', () => {
  it('ranks the outlets, then lists 未报送 ones (in the rank and warning columns, never 预警), then the total', () => {
    // Act
    const plan = planSummaryWorkbook(inviteDaily, summary);
    // Assess
    const sheet = plan.sheets[0];
    expect(sheet.name).toBe('汇总 2026-12-01~12-07');
    expect(sheet.header.slice(0, 4)).toEqual(['排名', '网点代码', '网点名称', '邀约人次']);
    expect(sheet.header.slice(-3)).toEqual(['有效邀约达成率', '目标达成预警', '备注']);
    expect(sheet.body.map((r) => [r[0], r[1], r.at(-2), r.at(-1)])).toEqual([
      [1, '3301002', null, null],
      [2, '3301001', '预警', '迟报 2 次'],
      ['未报送', '3301003', '未报送', null],
      ['合计', '3301', null, null],
    ]);
    expect(sheet.rowStyles).toEqual([null, { fill: '#FDE2E1' }, { fill: '#EDEDED' }, { bold: true }]);
    expect(plan.counts).toEqual({ ranked: 2, warned: 1, missing: 1, rejected: 0, late: 1 });
  });

  it('flags against the organisation\'s warnBelow, strictly below it', () => {
    expect(planSummaryWorkbook(inviteDaily, { ...summary, warnBelow: 0.5 }).counts.warned).toBe(0);
    expect(planSummaryWorkbook(inviteDaily, { ...summary, warnBelow: 1.1 }).counts.warned).toBe(2);
    expect(planSummaryWorkbook(inviteDaily, { ...summary, warnBelow: 80 / 105 }).counts.warned).toBe(0);
    // No warnBelow in an older summary: the default 0.8.
    const { warnBelow: _w, ...older } = summary;
    expect(planSummaryWorkbook(inviteDaily, older).counts.warned).toBe(1);
  });

  it('names the sub-branch in the title and the info line, with its code', () => {
    const sheet = planSummaryWorkbook(inviteDaily, summary).sheets[0];
    expect(sheet.titleRows[0]).toEqual(['网点客户邀约每日明细表汇总（城东支行 3301，2026-12-01 至 2026-12-07）']);
    expect(String(sheet.titleRows[1][0])).toContain('支行：城东支行（3301）');
    expect(String(sheet.titleRows[1][0])).toContain('目标达成预警：有效邀约达成率低于 80%');
  });

  it('prints A4 landscape, one page wide, the rows down to the header on every page', () => {
    expect(planSummaryWorkbook(inviteDaily, summary).sheets[0].print).toEqual({ paperSize: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, titleRows: [1, 4] });
  });

  it('makes every column wide enough for its values, names (CJK double) and money up to 9,999,999,999.99', () => {
    const wide: ConsolidatedSummary = {
      ...summary,
      outlets: [{ outlet: '3301002', outletName: '城东支行解放路东段营业部网点', rank: 1, values: { 预估趸交: 9_999_999_999.99, 邀约人次: 123456 } }],
    };
    const sheet = planSummaryWorkbook(inviteDaily, wide).sheets[0];
    const column = (label: string) => sheet.header.indexOf(label);
    expect(sheet.columnWidths[column('网点名称')]).toBeGreaterThanOrEqual(displayWidth('城东支行解放路东段营业部网点'));
    expect(sheet.columnWidths[column('预估期缴')]).toBeGreaterThanOrEqual(formatForWidth(9_999_999_999.99, '#,##0.00').length);
    expect(formatForWidth(9_999_999_999.99, '#,##0.00')).toBe('9,999,999,999.99');
    expect(sheet.columnFormats[column('预估趸交')]).toBe('#,##0.00');
    expect(sheet.columnFormats[column('有效邀约达成率')]).toBe('0.0%');
  });

  it('describes a bar chart of the target rate, one bar per ranked outlet, below the table', () => {
    const plan = planSummaryWorkbook(inviteDaily, summary);
    const sheet = plan.sheets[0];
    expect(plan.chart).toMatchObject({
      sheetName: sheet.name,
      title: '有效邀约达成率',
      categoryColumn: 2,
      valueColumn: sheet.header.indexOf('有效邀约达成率'),
      firstRow: 5,
      lastRow: 6,
      categories: ['新华路', '营业部'],
      values: [110 / 105, 80 / 105],
      numberFormat: '0.0%',
    });
    expect(plan.chart!.anchor.fromRow).toBeGreaterThan(sheet.headerRow + sheet.body.length - 1);
    expect(planSummaryWorkbook(inviteDaily, { ...summary, outlets: [] }).chart).toBeNull();
  });

  it('charts the ranking key of a template without a target rate, and puts its second rank beside the first', () => {
    const plan = planSummaryWorkbook(activity, { ...summary, template: 'activity-tracking', outlets: [{ outlet: '3301001', outletName: '营业部', rank: 1, ranks: { 产出保费: 1 }, values: { 投入产出比: 5 } }] });
    expect(plan.sheets[0].header.slice(0, 4)).toEqual(['排名', '产出保费排名', '职场/网点代码', '职场/网点名称']);
    expect(plan.sheets[0].header).not.toContain('目标达成预警');
    expect(plan.chart?.title).toBe(activity.summary.rankBy);
  });

  it('plans the rows sheet with phone numbers masked and dates as serials, only when rows are given', () => {
    expect(planSummaryWorkbook(inviteDaily, summary).sheets).toHaveLength(1);
    const rows = planSummaryWorkbook(inviteDaily, summary, { rows: [{ unit: '3301001', rows: [{ rowNumber: 5, values: { B: '张三', C: '13800138000', M: '2026-12-08' } }] }] }).sheets[1];
    expect(rows.name).toBe('明细 2026-12-01~12-07');
    expect(rows.header.slice(0, 6)).toEqual(['网点代码', '网点名称', '行号', '序号', '客户姓名', '联系电话']);
    expect(rows.body[0].slice(0, 6)).toEqual(['3301001', '营业部', 5, null, '张三', '138****8000']);
    expect(rows.body[0][rows.header.indexOf('预约到场日期')]).toBe(46364);
  });
});
