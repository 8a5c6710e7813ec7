import { dateFromExcelSerial } from './date-from-excel-serial';
import { toHalfWidth } from './to-half-width';
import { trimSpaces } from './trim-spaces';
import type { Normalised, RawCellValue } from './types';

export interface NormaliseDateOptions {
  /** Year of a date typed without one (`12月8日`): the sheet's own date, else the day of checking. Without it such a date is an error. */
  defaultYear?: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMERIC_DATE = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const CHINESE_DATE = /^(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;

/**
 * Normalises a calendar day to 'YYYY-MM-DD'. Excel serials (numbers, as Excel hands dates over)
 * are read without change; `2026年12月8日`, `2026/12/8`, `2026-12-8`, `2026.12.8` and, given
 * `defaultYear`, `12月8日` are read with a change (a safe fix). `12/8` (no year marker), days that
 * do not exist (2026-02-30, serial 60) and other text are errors.
 */
export function normaliseDate(value: RawCellValue, options: NormaliseDateOptions = {}): Normalised<string> {
  if (typeof value === 'number') {
    const iso = dateFromExcelSerial(value);
    return iso === null ? { ok: false, reason: 'not-a-date' } : { ok: true, value: iso, changed: false };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'unreadable' };
  if (ISO_DATE.test(value)) {
    const iso = toIsoDate(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
    return iso === null ? { ok: false, reason: 'not-a-date' } : { ok: true, value: iso, changed: false };
  }
  const text = trimSpaces(toHalfWidth(value));
  let year: number | undefined;
  let month: number;
  let day: number;
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    year = Number(numeric[1]);
    month = Number(numeric[3]);
    day = Number(numeric[4]);
  } else {
    const chinese = CHINESE_DATE.exec(text);
    if (!chinese) return { ok: false, reason: /^\d{1,2}\s*[-/.]\s*\d{1,2}$/.test(text) ? 'ambiguous' : 'unreadable' };
    year = chinese[1] === undefined ? options.defaultYear : Number(chinese[1]);
    if (year === undefined || !Number.isInteger(year)) return { ok: false, reason: 'ambiguous' };
    month = Number(chinese[2]);
    day = Number(chinese[3]);
  }
  const iso = toIsoDate(year, month, day);
  if (iso === null) return { ok: false, reason: 'not-a-date' };
  return { ok: true, value: iso, changed: iso !== value };
}

/** 'YYYY-MM-DD' of a day that exists, else null. */
function toIsoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
