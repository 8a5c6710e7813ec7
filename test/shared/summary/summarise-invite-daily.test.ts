import { parseTemplateSpec } from '#shared/spec/parse-template-spec';
import { PeriodFormatError } from '#shared/period/period-format-error';
import { summariseSubmissions, type SubmissionRows } from '#shared/summary/summarise-submissions';
import { inviteDaily, inviteRows, makeOrganisation, outletCode } from './summary-fixtures';

const day = '2026-12-01';
const oneDay = { from: day, to: day };

/** A submission of outlet 33010NN for `period` with `effective` 是 rows and `ineffective` 否 rows. */
function submission(n: number, effective: number, ineffective = 0, period = day): SubmissionRows {
  return { unit: outletCode(n), period, rows: inviteRows(effective, ineffective) };
}

describe('summariseSubmissions (邀约明细, one line per outlet)', () => {
  it('echoes the template, the sub-branch, the period and the ranking kind', () => {
    // Act
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), [submission(1, 15)], oneDay);

    // Assess
    expect([summary.template, summary.subBranch, summary.from, summary.to, summary.ranking]).toEqual(['invite-daily', '3301', day, day, 'rank.eq']);
  });

  it('gives each reporting outlet its counts, its name and its completion rate as an unrounded fraction', () => {
    // Prepare
    const submissions = [submission(1, 16, 36)];

    // Act
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), submissions, oneDay);

    // Assess
    expect(summary.outlets).toEqual([
      {
        outlet: '3301001',
        outletName: '城东支行营业部网点',
        rank: 1,
        values: { 邀约人次: 52, 有效邀约: 16, 大单客户: 0, 预估趸交: 0, 预估期缴: 0, 到场: 0, 成交趸交: 0, 成交期缴: 0, 有效邀约达成率: 16 / 15 },
      },
    ]);
  });

  it('lists the outlets that did not report as missing, in code order, without a line or rank', () => {
    // Prepare
    const submissions = [1, 2, 3, 4, 5, 6, 8, 10].map((n) => submission(n, n));

    // Act
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), submissions, oneDay);

    // Assess
    expect(summary.missing).toEqual([
      { outlet: '3301007', outletName: '城东支行古荡网点' },
      { outlet: '3301009', outletName: '城东支行三墩网点' },
    ]);
    expect(summary.outlets.map((line) => line.outlet)).not.toContain('3301007');
    expect(summary.outlets).toHaveLength(8);
  });

  it('ranks ties with RANK.EQ by default (1, 2, 2, 4), ties listed in outlet-code order', () => {
    // Prepare
    const submissions = [submission(4, 10), submission(3, 15), submission(2, 15), submission(1, 20)];

    // Act
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), submissions, oneDay);

    // Assess
    expect(summary.outlets.map((line) => [line.outlet, line.rank])).toEqual([
      ['3301001', 1],
      ['3301002', 2],
      ['3301003', 2],
      ['3301004', 4],
    ]);
  });

  it('ranks ties densely (1, 2, 2, 3) when asked', () => {
    // Prepare
    const submissions = [submission(4, 10), submission(3, 15), submission(2, 15), submission(1, 20)];

    // Act
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), submissions, { ...oneDay, ranking: 'dense' });

    // Assess
    expect(summary.ranking).toBe('dense');
    expect(summary.outlets.map((line) => line.rank)).toEqual([1, 2, 2, 3]);
  });

  it('takes dense ranking from a template that asks for it', () => {
    // Prepare
    const denseSpec = parseTemplateSpec({ ...inviteDaily, version: 2, summary: { ...inviteDaily.summary, ranking: 'dense' } });
    const submissions = [submission(1, 20), submission(2, 15), submission(3, 15), submission(4, 10)];

    // Act
    const summary = summariseSubmissions(denseSpec, makeOrganisation(), submissions, oneDay);

    // Assess
    expect(summary.ranking).toBe('dense');
    expect(summary.outlets.map((line) => line.rank)).toEqual([1, 2, 2, 3]);
  });

  it('ranks a submission with no rows with zeros, after the outlets that invited', () => {
    // Prepare
    const submissions = [submission(1, 0), submission(2, 3)];

    // Act
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), submissions, oneDay);

    // Assess
    const empty = summary.outlets.find((line) => line.outlet === '3301001');
    expect(empty?.rank).toBe(2);
    expect(empty?.values['邀约人次']).toBe(0);
    expect(empty?.values['有效邀约达成率']).toBe(0);
    expect(summary.missing.map((unit) => unit.outlet)).not.toContain('3301001');
  });

  it('leaves the completion rate empty and the outlets unranked, in code order, when the target is 0', () => {
    // Prepare
    const organisation = makeOrganisation({ targets: { 'invite-daily': { 有效邀约: 0 } } });
    const submissions = [submission(2, 20), submission(1, 5)];

    // Act
    const summary = summariseSubmissions(inviteDaily, organisation, submissions, oneDay);

    // Assess
    expect(summary.outlets.map((line) => [line.outlet, line.rank, line.values['有效邀约达成率']])).toEqual([
      ['3301001', null, null],
      ['3301002', null, null],
    ]);
    expect(summary.total['有效邀约达成率']).toBeNull();
  });

  it("falls back to the template's target when the organisation sets none", () => {
    // Prepare
    const organisation = makeOrganisation({ targets: {} });

    // Act
    const summary = summariseSubmissions(inviteDaily, organisation, [submission(1, 30)], oneDay);

    // Assess
    expect(summary.outlets[0].values['有效邀约达成率']).toBe(2);
  });

  it("prefers the organisation's target to the template's", () => {
    // Prepare
    const organisation = makeOrganisation({ targets: { 'invite-daily': { 有效邀约: 20 } } });

    // Act
    const summary = summariseSubmissions(inviteDaily, organisation, [submission(1, 10)], oneDay);

    // Assess
    expect(summary.outlets[0].values['有效邀约达成率']).toBe(0.5);
  });

  it('keeps the full target of a multi-day period for an outlet that missed a day', () => {
    // Prepare
    const submissions = [
      submission(1, 15, 0, '2026-12-01'),
      submission(1, 15, 0, '2026-12-02'),
      submission(1, 15, 0, '2026-12-03'),
      submission(2, 15, 0, '2026-12-01'),
      submission(2, 15, 0, '2026-12-03'),
    ];

    // Act
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), submissions, { from: '2026-12-01', to: '2026-12-03' });

    // Assess
    expect(summary.outlets.map((line) => [line.outlet, line.values['有效邀约'], line.values['有效邀约达成率'], line.rank])).toEqual([
      ['3301001', 45, 1, 1],
      ['3301002', 30, 30 / 45, 2],
    ]);
  });

  it('uses a target of 105 per outlet for the seven days of the campaign', () => {
    // Prepare
    const days = ['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-12-${d}`);
    const submissions = days.map((period) => submission(1, 15, 0, period));

    // Act
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), submissions, { from: days[0], to: days[6] });

    // Assess
    expect(summary.outlets[0].values['有效邀约']).toBe(105);
    expect(summary.outlets[0].values['有效邀约达成率']).toBe(1);
  });

  it('leaves out submissions outside the period', () => {
    // Prepare
    const submissions = [submission(1, 15, 0, '2026-11-30'), submission(1, 6, 0, '2026-12-01'), submission(2, 9, 0, '2026-12-02')];

    // Act
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), submissions, oneDay);

    // Assess
    expect(summary.outlets.map((line) => [line.outlet, line.values['有效邀约']])).toEqual([['3301001', 6]]);
    expect(summary.missing.map((unit) => unit.outlet)).toContain('3301002');
  });

  it('totals the outlets in the sub-branch line, its target counting the outlets that did not report', () => {
    // Prepare
    const submissions = [submission(1, 20, 30), submission(2, 10, 5), submission(3, 0)];

    // Act
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), submissions, oneDay);

    // Assess
    expect(summary.total['邀约人次']).toBe(65);
    expect(summary.total['有效邀约']).toBe(30);
    expect(summary.total['有效邀约达成率']).toBe(30 / 150);
  });

  it('recomputes the total rate from the totals rather than averaging the outlets’ rates', () => {
    // Prepare
    const submissions = [
      submission(1, 30, 0, '2026-12-01'),
      submission(2, 0, 0, '2026-12-01'),
      submission(2, 15, 0, '2026-12-02'),
    ];

    // Act
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), submissions, { from: '2026-12-01', to: '2026-12-02' });

    // Assess
    expect(summary.total['有效邀约达成率']).toBe(45 / (15 * 2 * 10));
  });

  it('merges the money sums of the outlets into the total', () => {
    // Prepare
    const withMoney: SubmissionRows = {
      unit: outletCode(5),
      period: day,
      rows: [{ rowNumber: 5, values: { B: '甲', K: '是', O: 1000000.5, P: 300000, R: 250000.25, S: 0.1 } }],
    };
    const more: SubmissionRows = { unit: outletCode(6), period: day, rows: [{ rowNumber: 5, values: { B: '乙', K: '否', O: 2, S: 0.2 } }] };

    // Act
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), [withMoney, more], oneDay);

    // Assess
    expect([summary.total['预估趸交'], summary.total['预估期缴'], summary.total['成交趸交'], summary.total['成交期缴']]).toEqual([1000002.5, 300000, 250000.25, 0.1 + 0.2]);
  });

  it('lists, ranks and flags an outlet the organisation does not know, and counts it in the total target', () => {
    // Prepare
    const submissions = [submission(1, 15), { unit: '9999001', period: day, rows: inviteRows(30) }];

    // Act
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), submissions, oneDay);

    // Assess
    expect(summary.outlets[0]).toMatchObject({ outlet: '9999001', outletName: '9999001', rank: 1, unlisted: true });
    expect(summary.outlets[1].unlisted).toBeUndefined();
    expect(summary.total['有效邀约达成率']).toBe(45 / (15 * 11));
  });

  it("takes an outlet named as the organisation lists it for that outlet's code", () => {
    // Prepare
    const submissions = [{ unit: '城东支行东湖网点', period: day, rows: inviteRows(3) }];

    // Act
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), submissions, oneDay);

    // Assess
    expect(summary.outlets.map((line) => [line.outlet, line.outletName])).toEqual([['3301002', '城东支行东湖网点']]);
    expect(summary.missing).toHaveLength(9);
  });

  it('adds no second ranking to a template that has none', () => {
    // Act
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), [submission(1, 3)], oneDay);

    // Assess
    expect(summary.outlets[0]).not.toHaveProperty('ranks');
  });

  it('lists everyone as missing and totals zeros when no outlet reported', () => {
    // Act
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), [], oneDay);

    // Assess
    expect(summary.outlets).toEqual([]);
    expect(summary.missing).toHaveLength(10);
    expect(summary.total['有效邀约']).toBe(0);
    expect(summary.total['有效邀约达成率']).toBe(0);
  });

  it('refuses a period that ends before it starts', () => {
    // Act
    const summarise = () => summariseSubmissions(inviteDaily, makeOrganisation(), [], { from: '2026-12-03', to: '2026-12-01' });

    // Assess
    expect(summarise).toThrow(PeriodFormatError);
  });

  it('refuses a submission whose day is not a real date', () => {
    // Act
    const summarise = () => summariseSubmissions(inviteDaily, makeOrganisation(), [submission(1, 1, 0, '2026-02-30')], oneDay);

    // Assess
    expect(summarise).toThrow(PeriodFormatError);
  });
});
