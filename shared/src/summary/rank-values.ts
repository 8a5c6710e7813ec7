import type { RankingKind } from '../spec/schema';

/**
 * Ranks of `values`, in the same order, descending (the largest is 1), compared unrounded.
 * - `rank.eq` is Excel's RANK.EQ: ties share a rank and the next ranks are skipped (1, 2, 2, 4);
 * - `dense` is 中国式排名: ties share a rank and none is skipped (1, 2, 2, 3).
 * A null (or NaN) value gets no rank (null) and does not push any other value down.
 */
export function rankValues(values: readonly (number | null)[], kind: RankingKind): (number | null)[] {
  const ranked = values.filter((value): value is number => value !== null && !Number.isNaN(value));
  const distinctDescending = [...new Set(ranked)].sort((a, b) => b - a);
  return values.map((value) => {
    if (value === null || Number.isNaN(value)) return null;
    if (kind === 'dense') return distinctDescending.indexOf(value) + 1;
    return ranked.filter((other) => other > value).length + 1;
  });
}
