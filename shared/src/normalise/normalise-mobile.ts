import { toHalfWidth } from './to-half-width';
import type { Normalised, RawCellValue } from './types';

const MOBILE = /^1\d{10}$/;
const SEPARATORS = /[\s\-()]/g;
const COUNTRY_PREFIX = /^(?:\+86|0086|86)(?=1\d{10}$)/;

/**
 * Normalises a mainland mobile number to its 11 digits starting with 1. An 11-digit number
 * (a numeric cell) or text of those digits passes unchanged; a numeric 8613800138000 loses its 86; spaces, dashes, brackets and a
 * `+86`/`86`/`0086` prefix are dropped with a change (a safe fix). Anything else is an error.
 */
export function normaliseMobile(value: RawCellValue): Normalised<string> {
  if (typeof value === 'number') {
    const digits = Number.isInteger(value) && value > 0 ? String(value) : '';
    if (MOBILE.test(digits)) return { ok: true, value: digits, changed: false };
    const withoutPrefix = digits.replace(COUNTRY_PREFIX, '');
    return MOBILE.test(withoutPrefix) ? { ok: true, value: withoutPrefix, changed: true } : { ok: false, reason: 'unreadable' };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'unreadable' };
  if (MOBILE.test(value)) return { ok: true, value, changed: false };
  const digits = toHalfWidth(value).replace(SEPARATORS, '').replace(COUNTRY_PREFIX, '');
  return MOBILE.test(digits) ? { ok: true, value: digits, changed: true } : { ok: false, reason: 'unreadable' };
}
