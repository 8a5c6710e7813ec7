import { normaliseDate } from './normalise-date';
import { toHalfWidth } from './to-half-width';
import { trimSpaces } from './trim-spaces';
import type { Normalised, RawCellValue } from './types';

const ISO_MONTH = /^\d{4}-\d{2}$/;
const NUMERIC_MONTH = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/;
const CHINESE_MONTH = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?$/;

/**
 * Normalises a calendar month to 'YYYY-MM'. `2026-12` passes unchanged; `2026/12`, `2026年12月`
 * and a date inside the month as text (`2026-12-08`, `2026年12月8日`) are read with a change;
 * an Excel date serial (Excel turns a typed `2026-12` into the serial of 2026-12-01) is read
 * without change. A month without a year and other text are errors.
 */
export function normaliseMonth(value: RawCellValue): Normalised<string> {
  if (typeof value === 'number') {
    const day = normaliseDate(value);
    return day.ok ? { ok: true, value: day.value.slice(0, 7), changed: false } : { ok: false, reason: 'not-a-date' };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'unreadable' };
  const text = trimSpaces(toHalfWidth(value));
  const match = NUMERIC_MONTH.exec(text) ?? CHINESE_MONTH.exec(text);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (year < 1900 || month < 1 || month > 12) return { ok: false, reason: 'not-a-date' };
    const iso = `${year}-${month < 10 ? '0' : ''}${month}`;
    return { ok: true, value: iso, changed: !(ISO_MONTH.test(value) && iso === value) };
  }
  const day = normaliseDate(text);
  if (!day.ok) return day;
  return { ok: true, value: day.value.slice(0, 7), changed: true };
}
