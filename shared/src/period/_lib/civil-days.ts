/**
 * Calendar arithmetic on ISO days without Date objects: a day is counted as the number of days
 * since 1970-01-01 (proleptic Gregorian calendar), after H. Hinnant's days_from_civil / civil_from_days.
 */
import { PeriodFormatError } from '../period-format-error';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The ISO day (YYYY-MM-DD) that lies `epochDay` days after 1970-01-01. */
export function isoDayFromEpochDay(epochDay: number): string {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  // Concatenation without padStart for the usual four-digit years: this runs once per date cell of a sheet.
  return `${year >= 1000 ? year : pad(year, 4)}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Days since 1970-01-01 of an ISO day; throws PeriodFormatError for anything but a real calendar day. */
export function epochDayOfIsoDay(isoDay: string): number {
  const match = ISO_DAY.exec(isoDay);
  if (match) {
    const epochDay = daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
    if (isoDayFromEpochDay(epochDay) === isoDay) return epochDay;
  }
  throw new PeriodFormatError(`日期应为 YYYY-MM-DD 格式的真实日期：${isoDay}`, `a day must be a real date written YYYY-MM-DD: ${isoDay}`);
}

/** Months since 1970-01 of an ISO month (YYYY-MM); throws PeriodFormatError otherwise. */
export function epochMonthOfIsoMonth(isoMonth: string): number {
  const match = ISO_MONTH.exec(isoMonth);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) {
    throw new PeriodFormatError(`月份应为 YYYY-MM 格式：${isoMonth}`, `a month must be written YYYY-MM: ${isoMonth}`);
  }
  return (Number(match[1]) - 1970) * 12 + month - 1;
}

/** The ISO month (YYYY-MM) that lies `epochMonth` months after 1970-01. */
export function isoMonthFromEpochMonth(epochMonth: number): string {
  const year = 1970 + Math.floor(epochMonth / 12);
  const month = epochMonth - Math.floor(epochMonth / 12) * 12 + 1;
  return `${pad(year, 4)}-${pad(month, 2)}`;
}
