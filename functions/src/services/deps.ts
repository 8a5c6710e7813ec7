/** What every service is handed: the table (adapters take it) and the clock. */
import type { BatchWriteOptions } from '../adapters/batch-write';
import { defaultTable, type TableRef } from '../adapters/dynamo';

export interface ServiceDeps {
  table: TableRef;
  now: () => Date;
  /** Backoff settings of BatchWriteItem retries (tests shorten them). */
  batchWrite?: BatchWriteOptions;
}

/** The deps of a Lambda container: TABLE_NAME's table and the wall clock. */
export function defaultDeps(): ServiceDeps {
  return { table: defaultTable(), now: () => new Date() };
}
