/**
 * The sweep of abandoned attempts: rows that a crashed, timed-out or interrupted submission left
 * behind, known by their attempt markers (docs/data-model.md, "Merge semantics"). Runs on a schedule
 * (hourly in AWS, at start and hourly in the local stack); each marker older than `olderThanMs` is
 * claimed (a late flip of its attempt then fails), its rows deleted, then the marker.
 */
import { claimAttemptMarker, getHead, queryStaleAttemptMarkers, removeAttempt, type AttemptMarker } from '../adapters/submission-store';
import type { ServiceDeps } from './deps';

/** Older than any request can live (the longest function timeout is 29 s): such an attempt is abandoned. */
export const SWEEP_AFTER_MS = 15 * 60_000;
const PAGE_SIZE = 100;
/** A run stops taking new pages this long before the function's timeout; the next run goes on. */
const STOP_BEFORE_END_MS = 5_000;

export interface SweepOptions {
  /** Only markers written this long ago or earlier. @default SWEEP_AFTER_MS */
  olderThanMs?: number;
  /** At most this many markers per run (the rest waits for the next run). @default 2000 */
  maxMarkers?: number;
}

export interface SweepResult {
  /** Attempts whose rows were removed. */
  attempts: number;
  /** Rows deleted. */
  rows: number;
  /** Markers that a flip or a clean-up removed first. */
  skipped: number;
}

export async function sweepAttempts(deps: ServiceDeps, options: SweepOptions = {}): Promise<SweepResult> {
  const before = new Date(deps.now().getTime() - (options.olderThanMs ?? SWEEP_AFTER_MS)).toISOString();
  const maxMarkers = options.maxMarkers ?? 2000;
  const result: SweepResult = { attempts: 0, rows: 0, skipped: 0 };
  let seen = 0;
  const timeLeft = deps.remainingTimeMs ?? (() => Number.POSITIVE_INFINITY);
  while (seen < maxMarkers && timeLeft() > STOP_BEFORE_END_MS) {
    const markers = await queryStaleAttemptMarkers(deps.table, before, Math.min(PAGE_SIZE, maxMarkers - seen));
    if (markers.length === 0) break;
    seen += markers.length;
    for (const marker of markers) await sweepOne(deps, marker, result);
  }
  return result;
}

async function sweepOne(deps: ServiceDeps, marker: AttemptMarker, result: SweepResult): Promise<void> {
  if (!(await claimAttemptMarker(deps.table, marker))) {
    result.skipped++;
    return;
  }
  // Defence in depth: a head never points at a marked attempt (the flip deletes the pending marker in the
  // same transaction, and a replaced attempt is no head's any more); never delete rows a head references.
  const head = await getHead(deps.table, marker.id);
  const referenced = head?.attempt === marker.attempt;
  await removeAttempt(deps.table, referenced ? { ...marker, rowCount: 0 } : marker, deps.batchWrite);
  if (referenced) {
    result.skipped++;
    return;
  }
  result.attempts++;
  result.rows += marker.rowCount;
}
