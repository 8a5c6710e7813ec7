/**
 * The consolidated, ranked summary of a sub-branch for a day or a period: exactly the object
 * `pts summary --json` prints and `GET /consolidated` answers (see contract.md).
 */
import * as z from '../zod';
import { rankingKindSchema } from '../spec/schema';

/** Summary values keyed by the summary labels of the template; null is an empty value (a ratio over 0, a rate without target). */
export const summaryValuesSchema = z.record(z.string(), z.number().nullable());

const rankSchema = z.number().int().positive().nullable();

export const summaryLineSchema = z.object({
  /** Outlet (or workplace) code. */
  outlet: z.string(),
  /** Its name as the organisation lists it; the code itself for a unit the organisation does not list. */
  outletName: z.string(),
  /** Rank by the template's ranking label; an empty value ranks last, sharing the rank after the non-empty ones (null only in summaries made before that rule). */
  rank: rankSchema,
  /** Further ranks by label (活动追踪: { 产出保费: 3 }); present only for templates that have them. */
  ranks: z.record(z.string(), rankSchema).optional(),
  values: summaryValuesSchema,
  /** True for a unit that submitted but is not in the organisation file (listed and ranked, flagged for review). */
  unlisted: z.boolean().optional(),
  /** How many of the unit's reports in the period arrived after their day's deadline; absent when none or unknown (files). */
  late: z.number().int().positive().optional(),
});

export const missingUnitSchema = z.object({ outlet: z.string(), outletName: z.string() });

/** A file given to the summary whose sheet has errors: not 未报送, not ranked, listed with its error count. */
export const rejectedFileSchema = z.object({
  /** Outlet (or workplace) code the sheet names; its own text when the organisation does not list it ('' when empty). */
  outlet: z.string(),
  outletName: z.string(),
  file: z.string(),
  /** How many error findings the sheet has. */
  errors: z.number().int().nonnegative(),
});

export const consolidatedSummarySchema = z.object({
  /** Template id. */
  template: z.string(),
  /** Sub-branch code. */
  subBranch: z.string(),
  /** Its name as the organisation file gives it (城东支行), for titles; absent in summaries made before it was carried. */
  subBranchName: z.string().optional(),
  /** First and last day (YYYY-MM-DD), or month (YYYY-MM) for monthly templates, both included. */
  from: z.string(),
  to: z.string(),
  ranking: rankingKindSchema,
  /** Units that reported, in rank order (ties and unranked lines in code order). */
  outlets: z.array(summaryLineSchema),
  /** Expected units that did not report in the period (未报送), in code order, not ranked. */
  missing: z.array(missingUnitSchema),
  /** The sub-branch line: sums of all units, rates and ratios recomputed from those sums. */
  total: summaryValuesSchema,
  /** `pts summary` only: files given whose sheets have errors (有错误), left out of the ranking and not counted 未报送. */
  rejected: z.array(rejectedFileSchema).optional(),
  /** The organisation's 目标达成预警 threshold (its `warnBelow`, default 0.8): a reporting unit below it is flagged. */
  warnBelow: z.number().optional(),
});

export type SummaryValues = z.infer<typeof summaryValuesSchema>;
export type SummaryLine = z.infer<typeof summaryLineSchema>;
export type MissingUnit = z.infer<typeof missingUnitSchema>;
export type RejectedFile = z.infer<typeof rejectedFileSchema>;
export type ConsolidatedSummary = z.infer<typeof consolidatedSummarySchema>;
