import { looseEnumForm } from './_lib/loose-enum-form';
import type { EnumChoices } from './create-enum-choices';
import type { Normalised, RawCellValue } from './types';

/**
 * Normalises a value of a fixed list: an allowed value passes unchanged; one that differs from
 * an allowed value only by white space or full-width characters (` 高端客户`, `ＶＩＰ`) takes that
 * value with a change (a safe fix); anything else is an error.
 */
export function normaliseEnumValue(value: RawCellValue, choices: EnumChoices): Normalised<string> {
  if (value === null || value === undefined) return { ok: false, reason: 'unreadable' };
  const text = typeof value === 'string' ? value : String(value);
  if (choices.exact.has(text)) return { ok: true, value: text, changed: typeof value !== 'string' };
  const canonical = choices.byLooseForm.get(looseEnumForm(text));
  return canonical === undefined ? { ok: false, reason: 'unreadable' } : { ok: true, value: canonical, changed: true };
}
