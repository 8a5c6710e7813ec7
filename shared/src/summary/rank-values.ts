import type { RankingKind } from '../spec/schema';

/**
 * Ranks of `values`, in the same order, descending (the largest is 1), compared unrounded.
 * - `rank.eq` is Excel's RANK.EQ: ties share a rank and the next ranks are skipped (1, 2, 2, 4);
 * - `dense` is 中国式排名: ties share a rank and none is skipped (1, 2, 2, 3).
 * An empty value (null or NaN: a ratio over 0, an average of no rows) ranks last (templates.md): all
 * empty values share the rank after every non-empty one — with `rank.eq` the number of non-empty
 * values plus one, with `dense` the number of distinct non-empty values plus one — and push no
 * non-empty value down. When no value is non-empty there is nothing to rank against: every rank is null.
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
  const emptyRank = descending.length === 0 ? null : (kind === 'dense' ? distinct : descending.length) + 1;
  return values.map((value) => (value === null || Number.isNaN(value) ? emptyRank : (rankOf.get(value) ?? emptyRank)));
}
