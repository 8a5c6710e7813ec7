/**
 * BatchWriteItem of any number of requests: chunks of 25, a few chunks in flight, and the
 * `UnprocessedItems` (which the SDK does not retry) sent again with exponential backoff and full
 * jitter until all are written or the attempts run out (then RowsWriteFailedError: a clear failure).
 */
import { BatchWriteCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { RowsWriteFailedError } from '../services/errors';
import type { TableRef } from './dynamo';

export type WriteRequest = NonNullable<NonNullable<BatchWriteCommandOutput['UnprocessedItems']>[string]>[number];

export interface BatchWriteOptions {
  /** Tries per chunk, the first included. @default 10 */
  maxAttempts?: number;
  /** First backoff in ms, doubled each retry up to `maxDelayMs`. @default 50 */
  baseDelayMs?: number;
  /** @default 2000 */
  maxDelayMs?: number;
  /** Chunks in flight at once. @default 4 */
  concurrency?: number;
  /** True when the request is out of time: no further chunk is sent (RowsWriteFailedError). @default never */
  deadline?: () => boolean;
}

const RETRYABLE = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'InternalServerError']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function writeChunk(table: TableRef, chunk: WriteRequest[], options: Required<BatchWriteOptions>): Promise<void> {
  let pending = chunk;
  for (let attempt = 1; ; attempt++) {
    if (options.deadline()) throw new RowsWriteFailedError(`out of time with ${pending.length} of ${chunk.length} items unwritten`);
    try {
      const result = await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.tableName]: pending } }));
      pending = result.UnprocessedItems?.[table.tableName] ?? [];
      if (pending.length === 0) return;
    } catch (error) {
      if (!RETRYABLE.has((error as Error).name)) throw error;
    }
    if (attempt >= options.maxAttempts) {
      throw new RowsWriteFailedError(`${pending.length} of ${chunk.length} items unwritten after ${attempt} tries`);
    }
    const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
    await sleep(Math.random() * ceiling);
  }
}

/** Writes every request; resolves when all are written, rejects with RowsWriteFailedError otherwise. */
export async function batchWriteAll(table: TableRef, requests: readonly WriteRequest[], options: BatchWriteOptions = {}): Promise<void> {
  const settings: Required<BatchWriteOptions> = { maxAttempts: 10, baseDelayMs: 50, maxDelayMs: 2000, concurrency: 4, deadline: () => false, ...options };
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
  let next = 0;
  const workers = Array.from({ length: Math.min(settings.concurrency, chunks.length) }, async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++];
      await writeChunk(table, chunk, settings);
    }
  });
  await Promise.all(workers);
}
