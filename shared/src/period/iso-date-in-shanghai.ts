import { isoDayFromEpochDay } from './_lib/civil-days';
import { MS_PER_DAY, SHANGHAI_OFFSET_MS } from './_lib/shanghai-time';

/** The calendar day (YYYY-MM-DD) in Asia/Shanghai at the instant `now` (2026-12-01T16:00Z is already 2026-12-02 there). */
export function isoDateInShanghai(now: Date): string {
  const instant = now.getTime();
  if (!Number.isFinite(instant)) throw new RangeError('isoDateInShanghai: invalid Date');
  return isoDayFromEpochDay(Math.floor((instant + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}
