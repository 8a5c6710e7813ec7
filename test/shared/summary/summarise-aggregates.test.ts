import { aggregateRows } from '#shared/summary/aggregate-rows';
import { consolidatedSummarySchema } from '#shared/summary/consolidated-summary';
import { mergeAggregates } from '#shared/summary/merge-aggregates';
import { summariseAggregates } from '#shared/summary/summarise-aggregates';
import { summariseSubmissions } from '#shared/summary/summarise-submissions';
import { activityRow, activityTracking, evaluationRow, inviteDaily, inviteRows, makeOrganisation, outletCode, salesEvaluation } from './summary-fixtures';

const period = { from: '2026-12-01', to: '2026-12-02' };

describe('summariseAggregates', () => {
  it('gives from stored aggregates the same summary as from the rows', () => {
    // Prepare
    const submissions = [
      { unit: outletCode(1), period: '2026-12-01', rows: inviteRows(12, 30) },
      { unit: outletCode(1), period: '2026-12-02', rows: inviteRows(18, 20) },
      { unit: outletCode(2), period: '2026-12-02', rows: inviteRows(15, 1) },
      { unit: outletCode(3), period: '2026-12-01', rows: [] },
    ];
    const stored = submissions.map((s) => ({ unit: s.unit, period: s.period, aggregate: JSON.parse(JSON.stringify(aggregateRows(inviteDaily, s.rows))) }));

    // Act
    const fromAggregates = summariseAggregates(inviteDaily, makeOrganisation(), stored, period);

    // Assess
    expect(fromAggregates).toEqual(summariseSubmissions(inviteDaily, makeOrganisation(), submissions, period));
  });

  it('counts the reports of each outlet that came after their deadline, and says nothing of the others', () => {
    // Prepare
    const aggregate = aggregateRows(inviteDaily, inviteRows(5, 1));
    const stored = [
      { unit: outletCode(1), period: '2026-12-01', aggregate, late: true },
      { unit: outletCode(1), period: '2026-12-02', aggregate, late: true },
      { unit: outletCode(2), period: '2026-12-01', aggregate, late: false },
      { unit: outletCode(2), period: '2026-12-02', aggregate, late: true },
      { unit: outletCode(3), period: '2026-12-02', aggregate },
      { unit: outletCode(4), period: '2026-12-03', aggregate, late: true },
    ];

    // Act
    const summary = summariseAggregates(inviteDaily, makeOrganisation(), stored, period);
    const oneDay = summariseAggregates(inviteDaily, makeOrganisation(), stored, { from: '2026-12-01', to: '2026-12-01' });

    // Assess
    const lateOf = (s: typeof summary) => Object.fromEntries(s.outlets.map((o) => [o.outlet, o.late]));
    expect(lateOf(summary)).toEqual({ [outletCode(1)]: 2, [outletCode(2)]: 1, [outletCode(3)]: undefined });
    expect(summary.outlets.filter((o) => 'late' in o).map((o) => o.outlet).sort()).toEqual([outletCode(1), outletCode(2)]);
    expect(lateOf(oneDay)).toEqual({ [outletCode(1)]: 1, [outletCode(2)]: undefined });
    expect(consolidatedSummarySchema.parse(summary)).toEqual(summary);
  });

  it('takes an aggregate already merged over several days like the days themselves', () => {
    // Prepare
    const day1 = aggregateRows(salesEvaluation, [evaluationRow(5, [5, 5, 5, 5], true, true)]);
    const day2 = aggregateRows(salesEvaluation, [evaluationRow(5, [1, 1, 1, 1], true, false), evaluationRow(6, [1, 1, 1, 1], true, false)]);
    const split = [
      { unit: outletCode(1), period: '2026-12-01', aggregate: day1 },
      { unit: outletCode(1), period: '2026-12-02', aggregate: day2 },
    ];
    const merged = [{ unit: outletCode(1), period: '2026-12-01', aggregate: mergeAggregates(salesEvaluation, [day1, day2]) }];

    // Act
    const fromMerged = summariseAggregates(salesEvaluation, makeOrganisation(), merged, period);

    // Assess
    expect(fromMerged.outlets).toEqual(summariseAggregates(salesEvaluation, makeOrganisation(), split, period).outlets);
  });
});

describe('consolidatedSummarySchema', () => {
  it('accepts every summary the engine makes, after a JSON round trip', () => {
    // Prepare
    const organisation = makeOrganisation({ workplaces: [{ code: 'W01', name: '城东职场' }] });
    const summary = summariseSubmissions(
      activityTracking,
      organisation,
      [
        { unit: 'W01', period: '2026-12', rows: [activityRow(5, 0, 100)] },
        { unit: 'X99', period: '2026-12', rows: [activityRow(5, 100, 100)] },
      ],
      { from: '2026-12', to: '2026-12' },
    );

    // Act
    const parsed = consolidatedSummarySchema.parse(JSON.parse(JSON.stringify(summary)));

    // Assess
    expect(parsed).toEqual(summary);
  });

  it('rejects a rank of 0', () => {
    // Prepare
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), [{ unit: outletCode(1), period: '2026-12-01', rows: inviteRows(1) }], period);
    const broken = { ...summary, outlets: [{ ...summary.outlets[0], rank: 0 }] };

    // Act
    const result = consolidatedSummarySchema.safeParse(broken);

    // Assess
    expect(result.success).toBe(false);
  });

  it('rejects an unknown ranking kind', () => {
    // Prepare
    const summary = summariseSubmissions(inviteDaily, makeOrganisation(), [], period);

    // Act
    const result = consolidatedSummarySchema.safeParse({ ...summary, ranking: 'percent' });

    // Assess
    expect(result.success).toBe(false);
  });
});
