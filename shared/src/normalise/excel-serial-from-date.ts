import { epochDayOfIsoDay } from '../period/_lib/civil-days';

/** Serial of 1970-01-01 in the 1900 date system (the count includes the fictitious 1900-02-29). */
const SERIAL_OF_1970_01_01 = 25_569;
/** Serial of 9999-12-31, the last day Excel knows. */
const LAST_SERIAL = 2_958_465;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Returns the Excel date serial (1900 date system) of a calendar day 'YYYY-MM-DD', or null when
 * the text is not such a day or lies outside 1900-01-01..9999-12-31. Serials before 1900-03-01 are
 * one less than a plain day count, because Excel counts the fictitious 1900-02-29 as serial 60:
 * 1900-01-01 is 1, 1900-02-28 is 59, 1900-03-01 is 61. Inverse of `dateFromExcelSerial`.
 */
export function excelSerialFromDate(isoDate: string): number | null {
  if (!ISO_DATE.test(isoDate)) return null;
  let epochDay: number;
  try {
    epochDay = epochDayOfIsoDay(isoDate);
  } catch {
    return null;
  }
  const count = epochDay + SERIAL_OF_1970_01_01;
  const serial = count <= 60 ? count - 1 : count;
  return serial >= 1 && serial <= LAST_SERIAL ? serial : null;
}
