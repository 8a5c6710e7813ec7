/**
 * A value Excel would take as a formula if written as is (the one rule of #shared/security/is-formula-like-text):
 * the hosts write such cells with the text number format '@' before their value, so that Excel keeps the text
 * the user typed; no quote is added, because a quote would become part of the value others read back.
 */
import { isFormulaLikeText as isFormulaLike } from '#shared/security/is-formula-like-text';

export function isFormulaLikeText(value: unknown): value is string {
  return typeof value === 'string' && isFormulaLike(value);
}
