/** Days from the 1900 date system's day 0 to 1970-01-01 (includes Excel's fictitious 1900-02-29). */
const EPOCH_OFFSET_DAYS = 25569;
const MS_PER_DAY = 86_400_000;

/**
 * The Excel serial (1900 date system) of a Date as ExcelJS hands it over: ExcelJS builds the Date as
 * if the serial were UTC, so the UTC fields carry the calendar day and time of the cell.
 */
export function dateToExcelSerial(date: Date): number {
  const serial = date.getTime() / MS_PER_DAY + EPOCH_OFFSET_DAYS;
  // Round to the millisecond so whole days stay whole numbers.
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

/** The UTC Date ExcelJS writes as the serial of a calendar day `YYYY-MM-DD`, or undefined when it is not one. */
export function isoDayToDate(day: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCDate() === Number(m[3]) ? date : undefined;
}
