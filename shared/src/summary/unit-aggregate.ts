/**
 * The partial results of one submission (or of several merged): what the server stores per unit per period,
 * so a summary over any period is rebuilt from aggregates without reading rows again.
 * Every part is additive: merging two aggregates adds their parts field by field.
 */
import * as z from '../zod';

/** Mean so far: the sum of the per-row values and how many rows had one (`average` columns). */
export const averagePartSchema = z.object({ sum: z.number(), count: z.number().int().nonnegative() });
/** Share so far: rows equal to the value and rows where the column was filled (`share` columns). */
export const sharePartSchema = z.object({ hits: z.number().int().nonnegative(), count: z.number().int().nonnegative() });
/** One partial: a plain number for `count`, `count-equal` and `sum`, else an average or share partial. */
export const aggregatePartSchema = z.union([z.number(), averagePartSchema, sharePartSchema]);

export const unitAggregateSchema = z.object({
  /** Filled rows of the submission(s). */
  rows: z.number().int().nonnegative(),
  /** Partials keyed by summary label; `ratio` and `target-rate` columns have none (they are derived). */
  parts: z.record(z.string(), aggregatePartSchema),
});

export type AveragePart = z.infer<typeof averagePartSchema>;
export type SharePart = z.infer<typeof sharePartSchema>;
export type AggregatePart = z.infer<typeof aggregatePartSchema>;
/** JSON-serialisable, mergeable partial sums of one unit; e.g. `{ rows: 3, parts: { 有效邀约: 2, 平均总分: { sum: 51, count: 3 } } }`. */
export type UnitAggregate = z.infer<typeof unitAggregateSchema>;
