/** The summary engine: aggregates per submission, consolidated and ranked summaries. */
export { aggregateRows } from './aggregate-rows';
export { mergeAggregates } from './merge-aggregates';
export { computeSummaryValues } from './compute-summary-values';
export { summariseAggregates, type AggregateEntry, type SummariseOptions } from './summarise-aggregates';
export { summariseSubmissions, type SubmissionRows } from './summarise-submissions';
export { rankValues } from './rank-values';
export { listExpectedUnits } from './list-expected-units';
export { SummarySpecError } from './summary-spec-error';
export { addRejectedFiles, type RejectedFileEntry } from './add-rejected-files';
export { rejectedFileNote } from './rejected-file-note';
export * from './consolidated-summary';
export * from './unit-aggregate';
