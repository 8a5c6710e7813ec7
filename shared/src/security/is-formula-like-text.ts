/**
 * Characters that make a spreadsheet read a text as a formula when they start it (OWASP CSV injection,
 * ASVS 1.2.10): = + - @, tab, carriage return, line feed and NUL; the full-width ＝ ＋ － ＠ as well,
 * which input methods turn into formulas.
 */
const FORMULA_START = /^[=+\-@\t\r\n\0＝＋－＠]/;

/** True when `value` is a text Excel or LibreOffice could take for a formula (or a DDE command) if written as is. */
export function isFormulaLikeText(value: string): boolean {
  return FORMULA_START.test(value);
}
