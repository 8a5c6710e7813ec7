import type { RankingKind } from '../spec/schema';

/**
 * Ranks of `values`, in the same order, descending (the largest is 1), compared unrounded.
 * - `rank.eq` is Excel's RANK.EQ: ties share a rank and the next ranks are skipped (1, 2, 2, 4);
 * - `dense` is 中国式排名: ties share a rank and none is skipped (1, 2, 2, 3).
 * A null (or NaN) value gets no rank (null) and does not push any other value down.
 */
export function rankValues(values: readonly (number | null)[], kind: RankingKind): (number | null)[] {
  const descending = values.filter((value): value is number => value !== null && !Number.isNaN(value)).sort((a, b) => b - a);
  const rankOf = new Map<number, number>();
  let distinct = 0;
  descending.forEach((value, index) => {
    if (rankOf.has(value)) return;
    distinct += 1;
    rankOf.set(value, kind === 'dense' ? distinct : index + 1);
  });
  return values.map((value) => (value === null || Number.isNaN(value) ? null : (rankOf.get(value) ?? null)));
}
