import { toHalfWidth } from './to-half-width';
import { trimSpaces } from './trim-spaces';
import type { Normalised, RawCellValue } from './types';

/** The unambiguous ways people write yes and no, upper-cased, half-width. */
const YES_NO = new Map<string, '是' | '否'>([
  ['是', '是'],
  ['否', '否'],
  ['Y', '是'],
  ['N', '否'],
  ['YES', '是'],
  ['NO', '否'],
  ['TRUE', '是'],
  ['FALSE', '否'],
  ['√', '是'],
  ['✓', '是'],
  ['✔', '是'],
  ['×', '否'],
  ['✗', '否'],
  ['✘', '否'],
]);

/**
 * Normalises yes/no to the text '是' or '否'. '是'/'否' pass unchanged; Y/N, YES/NO, TRUE/FALSE
 * (any case, full-width too), √/✓/✔, ×/✗/✘ and the booleans true/false are read with a change.
 * Anything else (是的, 1/0, x) is an error: reading it would be a guess.
 */
export function normaliseYesNo(value: RawCellValue): Normalised<'是' | '否'> {
  if (value === '是' || value === '否') return { ok: true, value, changed: false };
  if (typeof value === 'boolean') return { ok: true, value: value ? '是' : '否', changed: true };
  if (typeof value !== 'string') return { ok: false, reason: 'unreadable' };
  const canonical = YES_NO.get(trimSpaces(toHalfWidth(value)).toUpperCase());
  return canonical === undefined ? { ok: false, reason: 'unreadable' } : { ok: true, value: canonical, changed: true };
}
