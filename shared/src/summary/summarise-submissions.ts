import type { Organisation } from '../org/schema';
import type { TemplateSpec } from '../spec/schema';
import type { TypedRow } from '../validation/types';
import { aggregateRows } from './aggregate-rows';
import type { ConsolidatedSummary } from './consolidated-summary';
import { summariseAggregates, type SummariseOptions } from './summarise-aggregates';

export interface SubmissionRows {
  /** Outlet or workplace code (or a name the organisation lists). */
  unit: string;
  /** The day (YYYY-MM-DD) or month (YYYY-MM) the submission reports. */
  period: string;
  /** The submission's filled rows, validated (an empty list is a submission with no rows: it ranks with zeros). */
  rows: readonly TypedRow[];
}

/** The consolidated summary straight from submissions' rows: aggregates each one, then as `summariseAggregates`. */
export function summariseSubmissions(
  spec: TemplateSpec,
  organisation: Organisation,
  submissions: readonly SubmissionRows[],
  options: SummariseOptions,
): ConsolidatedSummary {
  const entries = submissions.map((submission) => ({
    unit: submission.unit,
    period: submission.period,
    aggregate: aggregateRows(spec, submission.rows),
  }));
  return summariseAggregates(spec, organisation, entries, options);
}
