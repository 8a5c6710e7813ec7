/**
 * Submissions waiting for the network: kept in localStorage with their idempotency key, sent again later
 * with the same key, so that the server stores each report once however often it is retried.
 */
import type { AcceptedSubmission } from '#shared/api/submission-answer';
import type { WorkbookGrid } from '#shared/grid/types';
import type { ApiClient, ApiResult } from './api-client';

export interface OutboxEntry {
  idempotencyKey: string;
  workbook: WorkbookGrid;
  /** What the entry is, for the pane: outlet, template, period. */
  label: string;
  queuedAt: string;
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export const OUTBOX_STORAGE_KEY = 'pts.outbox.v1';

export interface FlushOutcome {
  sent: { entry: OutboxEntry; response: AcceptedSubmission }[];
  /** Refused by the server (a sheet with errors, out of scope): dropped from the queue, shown to the user. */
  refused: { entry: OutboxEntry; failure: Extract<ApiResult<unknown>, { ok: false }> }[];
  waiting: number;
  /** Set when the server was busy (503): send the rest again after this many seconds. */
  retryAfterSeconds?: number;
}

export class Outbox {
  constructor(private readonly storage: StorageLike) {}

  list(): OutboxEntry[] {
    try {
      const raw = this.storage.getItem(OUTBOX_STORAGE_KEY);
      return raw ? (JSON.parse(raw) as OutboxEntry[]) : [];
    } catch {
      return [];
    }
  }

  private save(entries: OutboxEntry[]): void {
    this.storage.setItem(OUTBOX_STORAGE_KEY, JSON.stringify(entries));
  }

  add(entry: OutboxEntry): void {
    this.save([...this.list().filter((e) => e.idempotencyKey !== entry.idempotencyKey), entry]);
  }

  /**
   * Sends every waiting entry in order, with its own key; stops at the first one that finds the network
   * down or the server busy (503: kept, with the server's Retry-After in the outcome).
   */
  async flush(api: ApiClient): Promise<FlushOutcome> {
    const outcome: FlushOutcome = { sent: [], refused: [], waiting: 0 };
    const entries = this.list();
    let remaining = [...entries];
    for (const entry of entries) {
      const result = await api.postSubmission(entry.workbook, entry.idempotencyKey);
      if (!result.ok && result.kind === 'offline') break;
      if (!result.ok && result.kind === 'busy') {
        outcome.retryAfterSeconds = result.retryAfterSeconds;
        break;
      }
      remaining = remaining.filter((e) => e.idempotencyKey !== entry.idempotencyKey);
      this.save(remaining);
      if (result.ok) outcome.sent.push({ entry, response: result.value });
      else outcome.refused.push({ entry, failure: result });
    }
    outcome.waiting = remaining.length;
    return outcome;
  }
}
