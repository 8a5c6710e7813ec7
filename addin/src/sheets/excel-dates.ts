/** Excel date serials (the 1900 system, as Office.js hands them over) and ISO days. */
const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);

/** '2026-12-01' -> 46357 */
export function isoDayToSerial(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_MS) / DAY_MS);
}

/** 46357 -> '2026-12-01' */
export function serialToIsoDay(serial: number): string {
  return new Date(EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

