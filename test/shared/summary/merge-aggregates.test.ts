import { aggregateRows } from '#shared/summary/aggregate-rows';
import { mergeAggregates } from '#shared/summary/merge-aggregates';
import { SummarySpecError } from '#shared/summary/summary-spec-error';
import { evaluationRow, inviteDaily, inviteRows, salesEvaluation } from './summary-fixtures';

describe('mergeAggregates', () => {
  it('adds counts and sums of several submissions', () => {
    // Prepare
    const day1 = aggregateRows(inviteDaily, inviteRows(3, 2));
    const day2 = aggregateRows(inviteDaily, inviteRows(4, 0));

    // Act
    const merged = mergeAggregates(inviteDaily, [day1, day2]);

    // Assess
    expect(merged.rows).toBe(9);
    expect(merged.parts['邀约人次']).toBe(9);
    expect(merged.parts['有效邀约']).toBe(7);
  });

  it('adds the sums and counts of average and share partials', () => {
    // Prepare
    const day1 = aggregateRows(salesEvaluation, [evaluationRow(5, [5, 5, 5, 5], true, true)]);
    const day2 = aggregateRows(salesEvaluation, [evaluationRow(5, [3, 3, 3, 3], true, false), evaluationRow(6, [3, 3, 3, 3], false, false)]);

    // Act
    const merged = mergeAggregates(salesEvaluation, [day1, day2]);

    // Assess
    expect(merged.parts['平均总分']).toEqual({ sum: 44, count: 3 });
    expect(merged.parts['可独立销售占比']).toEqual({ hits: 1, count: 3 });
    expect(merged.parts['不合规次数']).toBe(1);
  });

  it('gives the empty aggregate for no aggregates', () => {
    // Act
    const merged = mergeAggregates(salesEvaluation, []);

    // Assess
    expect(merged.rows).toBe(0);
    expect(merged.parts['评估人次']).toBe(0);
    expect(merged.parts['平均总分']).toEqual({ sum: 0, count: 0 });
  });

  it('counts a part an older aggregate lacks as zero', () => {
    // Prepare
    const older = { rows: 2, parts: { 邀约人次: 2 } };
    const current = aggregateRows(inviteDaily, inviteRows(1));

    // Act
    const merged = mergeAggregates(inviteDaily, [older, current]);

    // Assess
    expect(merged.parts['邀约人次']).toBe(3);
    expect(merged.parts['有效邀约']).toBe(1);
  });

  it('refuses a part of the wrong kind', () => {
    // Prepare
    const wrong = { rows: 1, parts: { 平均总分: 17 } };

    // Act
    const merge = () => mergeAggregates(salesEvaluation, [wrong]);

    // Assess
    expect(merge).toThrow(SummarySpecError);
  });
});
