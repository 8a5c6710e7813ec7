/** What every service is handed: the table (adapters take it) and the clock. */
import type { BatchWriteOptions } from '../adapters/batch-write';
import { defaultTable, type TableRef } from '../adapters/dynamo';

export interface ServiceDeps {
  table: TableRef;
  now: () => Date;
  /** Backoff settings of BatchWriteItem retries (tests shorten them). */
  batchWrite?: BatchWriteOptions;
  /**
   * Milliseconds left before the platform stops the request (Lambda's `getRemainingTimeInMillis`).
   * A submission checks it before its flip, so a request that ran out of time never commits afterwards.
   * @default - a budget of 15 s from the start of each submission
   */
  remainingTimeMs?: () => number;
  /** Test hook: awaited at each step of a merge, so a test can interleave requests in a chosen order. */
  mergeCheckpoint?: (step: MergeStep) => Promise<void>;
}

/** The steps of a merge at which `mergeCheckpoint` is awaited. */
export type MergeStep = 'start' | 'head-read' | 'rows-written' | 'flipped' | 'cleaned';

/** The deps of a Lambda container: TABLE_NAME's table and the wall clock. */
export function defaultDeps(): ServiceDeps {
  return { table: defaultTable(), now: () => new Date() };
}
