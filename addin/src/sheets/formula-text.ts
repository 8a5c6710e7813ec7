/**
 * A value Excel would take as a formula if written as is (engineer B's rule in shared/src/security/):
 * the hosts write such cells with the text number format '@' before their value, as
 * shared/src/security/neutralise-formula-text.ts prescribes for Office.js. No quote is added.
 */
import { isFormulaLikeText as isFormulaLike } from '#shared/security/is-formula-like-text';

export function isFormulaLikeText(value: unknown): value is string {
  return typeof value === 'string' && isFormulaLike(value);
}
