import * as fc from 'fast-check';
import { aggregateRows } from '#shared/summary/aggregate-rows';
import { mergeAggregates } from '#shared/summary/merge-aggregates';
import { rankValues } from '#shared/summary/rank-values';
import type { TypedRow } from '#shared/validation/types';
import { inviteDaily, salesEvaluation } from './summary-fixtures';

const yesNo = fc.constantFrom<'是' | '否' | null>('是', '否', null);
const score = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });

const inviteRowArb: fc.Arbitrary<TypedRow> = fc.record({
  B: fc.option(fc.string({ minLength: 1, maxLength: 4 }), { nil: null }),
  K: yesNo,
  L: yesNo,
  Q: yesNo,
  O: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
  S: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
}).map((values) => ({ rowNumber: 5, values }));

const evaluationRowArb: fc.Arbitrary<TypedRow> = fc.record({ D: score, E: score, F: score, G: score, H: yesNo, J: yesNo }).map((values) => ({ rowNumber: 5, values }));

describe('summary properties', () => {
  it('aggregates a day split in two parts exactly as the whole day (邀约明细)', () => {
    fc.assert(
      fc.property(fc.array(inviteRowArb), fc.array(inviteRowArb), (first, second) => {
        // Act
        const whole = aggregateRows(inviteDaily, [...first, ...second]);
        const merged = mergeAggregates(inviteDaily, [aggregateRows(inviteDaily, first), aggregateRows(inviteDaily, second)]);

        // Assess
        expect(merged).toEqual(whole);
      }),
    );
  });

  it('aggregates averages and shares split in two parts exactly as the whole (销售评估)', () => {
    fc.assert(
      fc.property(fc.array(evaluationRowArb), fc.array(evaluationRowArb), (first, second) => {
        // Act
        const whole = aggregateRows(salesEvaluation, [...first, ...second]);
        const merged = mergeAggregates(salesEvaluation, [aggregateRows(salesEvaluation, first), aggregateRows(salesEvaluation, second)]);

        // Assess
        expect(merged).toEqual(whole);
      }),
    );
  });

  it('gives every value 1 + the number of values above it with RANK.EQ, an empty one 1 + the number of non-empty ones', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: null })), (values) => {
        // Act
        const ranks = rankValues(values, 'rank.eq');

        // Assess
        const nonEmpty = values.filter((other): other is number => other !== null);
        const expected = values.map((value) =>
          nonEmpty.length === 0 ? null : 1 + (value === null ? nonEmpty.length : nonEmpty.filter((other) => other > value).length),
        );
        expect(ranks).toEqual(expected);
      }),
    );
  });

  it('gives every value 1 + the number of distinct values above it with dense ranking, an empty one 1 + the distinct non-empty ones', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null })), (values) => {
        // Act
        const ranks = rankValues(values, 'dense');

        // Assess
        const nonEmpty = values.filter((other): other is number => other !== null);
        const expected = values.map((value) =>
          nonEmpty.length === 0 ? null : 1 + new Set(value === null ? nonEmpty : nonEmpty.filter((other) => other > value)).size,
        );
        expect(ranks).toEqual(expected);
      }),
    );
  });
});
