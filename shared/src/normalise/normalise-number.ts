import { toHalfWidth } from './to-half-width';
import { trimSpaces } from './trim-spaces';
import type { Normalised, RawCellValue } from './types';

export interface NormaliseNumberOptions {
  /** Whole numbers only: `1.5` is an error, not rounded. */
  integer?: boolean;
  /**
   * The column's unit. In a `万元` column plain numbers are 万元 and `30万`/`30万元` mean 30;
   * anywhere else `万` multiplies by 10,000 (`30万元` is 300000 yuan) and `元` is yuan.
   */
  unit?: string;
}

const NUMBER_WITH_UNIT = /^([+-]?)\s*([¥￥]?)\s*(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d+))?\s*(万元|万|元)?$/;
const UNIT_MARKS = /万|元/g;

/**
 * Normalises a number or an amount: numbers pass as they are; text such as `1,000,000`,
 * `１２３`, `100万`, `1.5万元`, `30万元`, `¥1,000` becomes a number (a change, so a safe fix).
 * Two units (`1万元万`, `¥30万`; `¥` in a 万元 column), misplaced thousands separators (`1,00`) and, in an integer column,
 * fractions (`1.5`) are errors: reading them would be a guess.
 */
export function normaliseNumber(value: RawCellValue, options: NormaliseNumberOptions = {}): Normalised<number> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'unreadable' };
    if (options.integer && !Number.isInteger(value)) return { ok: false, reason: 'not-integer' };
    return { ok: true, value: value === 0 ? 0 : value, changed: false };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'unreadable' };
  const text = trimSpaces(toHalfWidth(value));
  const match = NUMBER_WITH_UNIT.exec(text);
  if (!match) {
    const units = text.match(UNIT_MARKS);
    return { ok: false, reason: units && units.length > 1 ? 'ambiguous' : 'unreadable' };
  }
  const [, sign, currency, integerPart, fractionPart = '', unit] = match;
  if (integerPart === '' && fractionPart === '') return { ok: false, reason: 'unreadable' };
  const tenThousandColumn = options.unit === '万元';
  let shift = 0;
  if (unit === '万' || unit === '万元') shift = tenThousandColumn ? 0 : 4;
  else if (unit === '元' && tenThousandColumn) return { ok: false, reason: 'ambiguous' };
  if (currency !== '' && (tenThousandColumn || unit !== undefined)) return { ok: false, reason: 'ambiguous' };
  const parsed = parseDecimal(sign, integerPart.replace(/,/g, ''), fractionPart, shift);
  if (options.integer && !Number.isInteger(parsed)) return { ok: false, reason: 'not-integer' };
  return { ok: true, value: parsed, changed: true };
}

/** Reads sign, digits and fraction digits as a number, the decimal point moved `shift` places right (exact for 万). */
function parseDecimal(sign: string, integerDigits: string, fractionDigits: string, shift: number): number {
  const padded = fractionDigits.padEnd(shift, '0');
  const text = `${integerDigits || '0'}${padded.slice(0, shift)}.${padded.slice(shift) || '0'}`;
  const parsed = Number(text);
  return sign === '-' && parsed !== 0 ? -parsed : parsed;
}
