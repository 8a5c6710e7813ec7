import { builtinTemplates } from '#shared/spec/builtin-templates';
import { planSequenceNumbers, planTemplateSheet, sequenceOf } from '#addin/sheets/plan-template-sheet';
import { planSummarySheets } from '#addin/sheets/plan-summary-sheets';
import { excelSerialFromDate } from '#shared/normalise/excel-serial-from-date';
import { dateFromExcelSerial } from '#shared/normalise/date-from-excel-serial';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';
import type { ConsolidatedSummaryView } from '#addin/api/types';

const inviteDaily = builtinTemplates.find((s) => s.id === 'invite-daily')!;
const activity = builtinTemplates.find((s) => s.id === 'activity-tracking')!;

describe('planTemplateSheet', () => {
  it('lays out title, header, computed cells and labels from the spec, with the header pre-filled', () => {
    const plan = planTemplateSheet(inviteDaily, { header: { subBranch: '3301', outlet: '3301001', reportDate: '2026-12-01', submitter: '王主任' } });
    expect(plan.cells[0][0]).toBe('网点客户邀约每日明细表');
    expect(plan.cells[1]).toEqual(['支行', '3301', '网点', '3301001', '填报日期', 46357, '填报人', '王主任']);
    expect(plan.cells[2]).toEqual(['邀约人次', null, '有效邀约', null, '大单客户', null, '预估保费合计(元)']);
    expect(plan.cells[3].slice(0, 3)).toEqual(['序号', '客户姓名', '联系电话']);
    expect(plan.formulas).toEqual({
      B3: '=COUNTA(B5:B504)',
      D3: '=COUNTIF(K5:K504,"是")',
      F3: '=COUNTIF(L5:L504,"是")',
      H3: '=SUM(O5:O504)+SUM(P5:P504)',
    });
    expect(plan.cellFormats).toMatchObject({ F2: 'yyyy-mm-dd', B2: '@', H2: '@' });
    expect(plan.identity).toEqual({ id: 'invite-daily', version: 1 });
    expect(plan.columns.find((c) => c.col === 'D')).toEqual({ col: 'D', width: 14, list: ['存量客户', '流量客户', '客户经理积累'] });
    expect(plan.columns.find((c) => c.col === 'C')?.numberFormat).toBe('@');
    expect(plan.columns.find((c) => c.col === 'M')?.numberFormat).toBe('yyyy-mm-dd');
  });

  it('writes a formula into every data row of a computed column', () => {
    const plan = planTemplateSheet(activity);
    const q = plan.columns.find((c) => c.col === 'Q')!;
    expect(q.formulas).toHaveLength(activity.dataRows);
    expect(q.formulas?.[0]).toBe(`=${activity.columns.find((c) => c.col === 'Q')!.formula!.replaceAll('{r}', '5')}`);
  });

  it('places the rows of a reopened submission, dates as serials', () => {
    const plan = planTemplateSheet(inviteDaily, { rows: [{ B: '张三', K: '是', M: '2026-12-08' }, { B: '李四', K: '否' }] });
    expect([plan.cells[4][1], plan.cells[4][10], plan.cells[4][12], plan.cells[5][1]]).toEqual(['张三', '是', excelSerialFromDate('2026-12-08'), '李四']);
  });
});

describe('planSequenceNumbers', () => {
  it('numbers filled rows with an empty 序号, keeping typed numbers', () => {
    const values = [[], [], [], [], [null, '张三'], [7, '李四'], [null, null], [null, '王五']];
    expect(planSequenceNumbers(sequenceOf(inviteDaily)!, values)).toEqual([
      { cell: 'A5', value: 1 },
      { cell: 'A8', value: 8 },
    ]);
  });
});

describe('planSummarySheets', () => {
  const summary: ConsolidatedSummaryView = {
    template: 'invite-daily',
    subBranch: '3301',
    from: '2026-12-01',
    to: '2026-12-07',
    ranking: 'rank.eq',
    outlets: [
      { outlet: '3301002', outletName: '新华路', rank: 1, values: { 有效邀约: 110, 有效邀约达成率: 110 / 105 } },
      { outlet: '3301001', outletName: '营业部', rank: 2, values: { 有效邀约: 80, 有效邀约达成率: 80 / 105 } },
    ],
    missing: [{ outlet: '3301003', outletName: '解放路' }],
    total: { 有效邀约: 190, 有效邀约达成率: 190 / 315 },
  };

  it('flags against the organisation\'s warnBelow when the summary carries it', () => {
    const plan = planSummarySheets(inviteDaily, { ...summary, warnBelow: 0.5 }).summarySheet;
    expect(plan.warningRows).toEqual([]);
    const strict = planSummarySheets(inviteDaily, { ...summary, warnBelow: 1.1 }).summarySheet;
    expect(strict.warningRows).toEqual([0, 1]);
  });

  it('ranks the outlets, lists 未报送 after them (marked missing, not 预警), flags reporting ones below 80% and totals', () => {
    const plan = planSummarySheets(inviteDaily, summary).summarySheet;
    expect(plan.name).toBe('汇总 2026-12-01~12-07');
    expect(plan.header.slice(0, 3)).toEqual(['排名', '网点代码', '网点']);
    expect(plan.header.at(-1)).toBe('目标达成预警');
    expect(plan.rows.map((r) => [r[0], r[1], r.at(-1)])).toEqual([
      [1, '3301002', ''],
      [2, '3301001', '预警'],
      ['未报送', '3301003', ''],
      ['合计', '3301', ''],
    ]);
    expect([plan.warningRows, plan.missingRows, plan.totalRow]).toEqual([[1], [2], 3]);
    expect(plan.chart).toEqual({ title: '有效邀约达成率', categoryColumn: 2, valueColumn: plan.header.indexOf('有效邀约达成率'), rowCount: 3 });
    expect(plan.columnFormats[plan.header.indexOf('有效邀约达成率')]).toBe('0.0%');
  });

  it('marks the outlets that reported after the deadline in a 迟报 column before 目标达成预警', () => {
    const late: ConsolidatedSummaryView = { ...summary, outlets: [{ ...summary.outlets[0], late: 2 }, { ...summary.outlets[1], late: 1 }] };
    const plan = planSummarySheets(inviteDaily, late).summarySheet;
    const column = plan.header.indexOf('迟报');
    expect(column).toBe(plan.header.length - 2);
    expect(plan.columnFormats[column]).toBe('@');
    expect(plan.rows.map((r) => [r[1], r[column]])).toEqual([
      ['3301002', '迟报 2 次'],
      ['3301001', '迟报'],
      ['3301003', ''],
      ['3301', ''],
    ]);
    expect(planSummarySheets(inviteDaily, summary).summarySheet.rows.map((r) => r[column])).toEqual(['', '', '', '']);
  });

  it('has no rows sheet unless the rows were asked for', () => {
    expect(planSummarySheets(inviteDaily, summary).rowsSheet).toBeNull();
  });
});

describe('excel dates', () => {
  it('converts ISO days and Excel serials both ways', () => {
    expect(excelSerialFromDate('2026-12-01')).toBe(46357);
    expect(dateFromExcelSerial(46357)).toBe('2026-12-01');
  });

  it('gives the day in Asia/Shanghai, which is ahead of UTC', () => {
    expect(isoDateInTimeZone(new Date('2026-11-30T16:30:00Z'), CAMPAIGN_TIME_ZONE)).toBe('2026-12-01');
    expect(isoDateInTimeZone(new Date('2026-11-30T15:59:00Z'), CAMPAIGN_TIME_ZONE)).toBe('2026-11-30');
  });
});
