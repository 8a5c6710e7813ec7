const MILLISECONDS_IN_DAY = 86_400_000;
/** 1899-12-30 in epoch milliseconds: day 0 of Excel's serials once the fictitious 1900-02-29 is passed. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Serial of 9999-12-31, the last day Excel knows. */
const LAST_SERIAL = 2_958_465;

const cache = new Map<number, string>();

/**
 * Returns the calendar day ('YYYY-MM-DD') of an Excel date serial (1900 date system), or null
 * when the serial names no real day. Excel counts 1900-02-29, a day that never was, as serial 60
 * (Lotus 1-2-3's leap-year bug): serial 59 is 1900-02-28, 60 is refused, 61 is 1900-03-01.
 * A time of day (the fraction) is dropped.
 */
export function dateFromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day > LAST_SERIAL || day === 60) return null;
  const cached = cache.get(day);
  if (cached !== undefined) return cached;
  const offset = day < 60 ? day + 1 : day;
  const iso = new Date(EXCEL_EPOCH_MS + offset * MILLISECONDS_IN_DAY).toISOString().slice(0, 10);
  if (cache.size < 100_000) cache.set(day, iso);
  return iso;
}
