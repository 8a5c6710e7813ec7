import { isoDayFromEpochDay } from '../period/_lib/civil-days';

/** Serial of 1970-01-01 in the 1900 date system (the count includes the fictitious 1900-02-29). */
const SERIAL_OF_1970_01_01 = 25_569;
/** Serial of 9999-12-31, the last day Excel knows. */
const LAST_SERIAL = 2_958_465;
/** Serial 60 is 1900-02-29, a day that never was (Lotus 1-2-3's leap-year bug, kept by Excel). */
const FICTITIOUS_LEAP_DAY = 60;

/**
 * Returns the calendar day ('YYYY-MM-DD') of an Excel date serial (1900 date system), or null
 * when the serial names no real day. Excel counts 1900-02-29, a day that never was, as serial 60:
 * serial 1 is 1900-01-01, 59 is 1900-02-28, 60 is refused, 61 is 1900-03-01.
 * A time of day (the fraction) is dropped. Inverse of `excelSerialFromDate`.
 */
export function dateFromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day > LAST_SERIAL || day === FICTITIOUS_LEAP_DAY) return null;
  // Below 60 the count has not yet met the fictitious day: one day more to reach the real calendar.
  return isoDayFromEpochDay(day - SERIAL_OF_1970_01_01 + (day < FICTITIOUS_LEAP_DAY ? 1 : 0));
}
