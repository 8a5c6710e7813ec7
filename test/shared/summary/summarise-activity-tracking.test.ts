import { summariseSubmissions, type SubmissionRows } from '#shared/summary/summarise-submissions';
import { activityRow, activityTracking, makeOrganisation } from './summary-fixtures';

const month = '2026-12';
const oneMonth = { from: month, to: month };
const workplaces = [
  { code: 'W01', name: '城东职场' },
  { code: 'W02', name: '城西职场' },
  { code: 'W03', name: '下沙职场' },
  { code: 'W04', name: '滨江职场' },
];

/** A month's 活动追踪 of `unit`: one event per [cost, premium] pair. */
function events(unit: string, ...costAndPremium: [number, number][]): SubmissionRows {
  return { unit, period: month, rows: costAndPremium.map(([cost, premium], i) => activityRow(5 + i, cost, premium)) };
}

describe('summariseSubmissions (活动追踪, one line per workplace or outlet a month)', () => {
  it('sums the events of a unit and computes 投入产出比 from the sums', () => {
    // Prepare
    const organisation = makeOrganisation({ workplaces });

    // Act
    const summary = summariseSubmissions(activityTracking, organisation, [events('W01', [1000, 5000], [3000, 1000])], oneMonth);

    // Assess
    expect(summary.outlets[0].values).toEqual({ 活动场次: 2, 邀约客户: 30, 到场客户: 20, 新增准客户: 4, 实际投入: 4000, 产出保费: 6000, 投入产出比: 1.5 });
  });

  it('ranks by 投入产出比 and gives the rank by 产出保费 beside it', () => {
    // Prepare
    const organisation = makeOrganisation({ workplaces });
    const submissions = [events('W01', [1000, 3000]), events('W02', [10000, 20000]), events('W03', [500, 2000])];

    // Act
    const summary = summariseSubmissions(activityTracking, organisation, submissions, oneMonth);

    // Assess
    expect(summary.outlets.map((line) => [line.outlet, line.rank, line.ranks])).toEqual([
      ['W03', 1, { 产出保费: 3 }],
      ['W01', 2, { 产出保费: 2 }],
      ['W02', 3, { 产出保费: 1 }],
    ]);
  });

  it('leaves 投入产出比 empty when nothing was spent and ranks that unit last with a rank number, still ranked by 产出保费', () => {
    // Prepare
    const organisation = makeOrganisation({ workplaces });
    const submissions = [events('W01', [0, 9000]), events('W02', [1000, 2000]), events('W03', [1000, 1000])];

    // Act
    const summary = summariseSubmissions(activityTracking, organisation, submissions, oneMonth);

    // Assess
    expect(summary.outlets.map((line) => [line.outlet, line.rank, line.values['投入产出比'], line.ranks?.['产出保费']])).toEqual([
      ['W02', 1, 2, 2],
      ['W03', 2, 1, 3],
      ['W01', 3, null, 1],
    ]);
  });

  it('ranks every unit with an empty 投入产出比 (nothing spent, or a sheet with no rows) last, sharing one rank, in code order', () => {
    // Prepare
    const organisation = makeOrganisation({ workplaces });
    const submissions = [events('W04', [0, 500]), events('W01'), events('W02', [1000, 2000]), events('W03', [1000, 2000])];

    // Act
    const rankEq = summariseSubmissions(activityTracking, organisation, submissions, oneMonth);
    const dense = summariseSubmissions(activityTracking, organisation, submissions, { ...oneMonth, ranking: 'dense' });

    // Assess: RANK.EQ 1, 1, then 3 shared by both empty ratios; dense 1, 1, then 2.
    expect(rankEq.outlets.map((line) => [line.outlet, line.rank, line.values['投入产出比']])).toEqual([
      ['W02', 1, 2],
      ['W03', 1, 2],
      ['W01', 3, null],
      ['W04', 3, null],
    ]);
    expect(dense.outlets.map((line) => [line.outlet, line.rank])).toEqual([
      ['W02', 1],
      ['W03', 1],
      ['W01', 2],
      ['W04', 2],
    ]);
  });

  it('ranks on unrounded ratios: 1.00001 comes before 1', () => {
    // Prepare
    const organisation = makeOrganisation({ workplaces });
    const submissions = [events('W01', [100000, 100000]), events('W02', [100000, 100001])];

    // Act
    const summary = summariseSubmissions(activityTracking, organisation, submissions, oneMonth);

    // Assess
    expect(summary.outlets.map((line) => [line.outlet, line.rank, line.values['投入产出比']])).toEqual([
      ['W02', 1, 100001 / 100000],
      ['W01', 2, 1],
    ]);
  });

  it('expects the workplaces when the organisation lists any', () => {
    // Prepare
    const organisation = makeOrganisation({ workplaces });

    // Act
    const summary = summariseSubmissions(activityTracking, organisation, [events('W02', [1, 1])], oneMonth);

    // Assess
    expect(summary.missing.map((unit) => unit.outlet)).toEqual(['W01', 'W03', 'W04']);
  });

  it('expects the outlets when the organisation lists no workplaces', () => {
    // Prepare
    const organisation = makeOrganisation();

    // Act
    const summary = summariseSubmissions(activityTracking, organisation, [events('3301001', [1, 1])], oneMonth);

    // Assess
    expect(summary.missing).toHaveLength(9);
    expect(summary.outlets[0]).toMatchObject({ outlet: '3301001', outletName: '城东支行营业部网点' });
  });

  it('lists an outlet of the organisation that reports while workplaces are expected, unflagged', () => {
    // Prepare
    const organisation = makeOrganisation({ workplaces });

    // Act
    const summary = summariseSubmissions(activityTracking, organisation, [events('3301002', [100, 300])], oneMonth);

    // Assess
    expect(summary.outlets).toEqual([
      expect.objectContaining({ outlet: '3301002', outletName: '城东支行东湖网点', rank: 1, ranks: { 产出保费: 1 } }),
    ]);
    expect(summary.outlets[0].unlisted).toBeUndefined();
  });

  it('recomputes the total 投入产出比 from the summed cost and premium', () => {
    // Prepare
    const organisation = makeOrganisation({ workplaces });
    const submissions = [events('W01', [1000, 4000]), events('W02', [3000, 2000]), events('W03', [0, 500])];

    // Act
    const summary = summariseSubmissions(activityTracking, organisation, submissions, oneMonth);

    // Assess
    expect(summary.total['投入产出比']).toBe(6500 / 4000);
  });

  it('takes days as from and to for its month', () => {
    // Prepare
    const organisation = makeOrganisation({ workplaces });

    // Act
    const summary = summariseSubmissions(activityTracking, organisation, [events('W01', [1, 2])], { from: '2026-12-01', to: '2026-12-31' });

    // Assess
    expect([summary.from, summary.to, summary.outlets.length]).toEqual(['2026-12', '2026-12', 1]);
  });

  it('summarises a quarter from the months in it', () => {
    // Prepare
    const organisation = makeOrganisation({ workplaces });
    const submissions = [
      { ...events('W01', [1000, 1000]), period: '2026-10' },
      { ...events('W01', [1000, 5000]), period: '2026-12' },
      { ...events('W01', [1000, 9000]), period: '2027-01' },
    ];

    // Act
    const summary = summariseSubmissions(activityTracking, organisation, submissions, { from: '2026-10', to: '2026-12' });

    // Assess
    expect(summary.outlets[0].values['产出保费']).toBe(6000);
  });
});
