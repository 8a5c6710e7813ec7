import type { Finding } from '../findings/types';

/**
 * True when a finding's safe fix is a formula to write back (the template's formula of a computed
 * cell that was typed over or deleted: `fix` is `=IF(N5>0,P5/N5,"")`), not a value. Decided by the
 * code, never by a leading '=': a text value that starts with '=' stays text.
 */
export function isFormulaFix(finding: Finding): finding is Finding & { fix: string } {
  return finding.code === 'computed-cell-overwritten' && typeof finding.fix === 'string';
}
