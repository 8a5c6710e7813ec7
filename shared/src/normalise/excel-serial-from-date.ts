const MILLISECONDS_IN_DAY = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Returns the Excel date serial (1900 date system) of a calendar day 'YYYY-MM-DD', or null when
 * the text is not such a day or lies before 1900-01-01. Inverse of `dateFromExcelSerial`,
 * fictitious 1900-02-29 (serial 60) included in the count.
 */
export function excelSerialFromDate(isoDate: string): number | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const offset = Math.round((time - EXCEL_EPOCH_MS) / MILLISECONDS_IN_DAY);
  if (offset < 2) return null;
  return offset <= 60 ? offset - 1 : offset;
}
