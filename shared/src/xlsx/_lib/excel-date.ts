/**
 * ExcelJS's side of the 1900 date system: ExcelJS turns a serial into a Date, and back, as plain days
 * after 1899-12-30 read in UTC (utils.excelToDate / dateToExcel), which is a day off before 1900-03-01.
 * These two convert between that Date and the true serial, so the calendar rule stays in
 * `excelSerialFromDate` / `dateFromExcelSerial`.
 */
import { excelSerialFromDate } from '../../normalise/excel-serial-from-date';

/** ExcelJS's serial of 1970-01-01 (utils.js: `25569 + ms / 86400000`). */
const EXCELJS_EPOCH_OFFSET_DAYS = 25569;
const MS_PER_DAY = 86_400_000;

/**
 * The Excel serial (1900 date system) of a Date as ExcelJS hands it over: ExcelJS builds the Date as
 * if the serial were UTC, so the UTC fields carry the calendar day and time of the cell.
 */
export function dateToExcelSerial(date: Date): number {
  const serial = date.getTime() / MS_PER_DAY + EXCELJS_EPOCH_OFFSET_DAYS;
  // Round to the millisecond so whole days stay whole numbers.
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

/**
 * The Date ExcelJS writes as the serial of the calendar day `YYYY-MM-DD` (so Excel shows that day,
 * 1900-01-01 included), or undefined when it is not a day Excel can hold.
 */
export function isoDayToDate(day: string): Date | undefined {
  const serial = excelSerialFromDate(day.trim());
  return serial === null ? undefined : new Date((serial - EXCELJS_EPOCH_OFFSET_DAYS) * MS_PER_DAY);
}
