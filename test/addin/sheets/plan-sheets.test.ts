import { builtinTemplates } from '#shared/spec/builtin-templates';
import { planSequenceNumbers, planTemplateSheet, sequenceOf } from '#addin/sheets/plan-template-sheet';
import { excelSerialFromDate } from '#shared/normalise/excel-serial-from-date';
import { dateFromExcelSerial } from '#shared/normalise/date-from-excel-serial';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';

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
