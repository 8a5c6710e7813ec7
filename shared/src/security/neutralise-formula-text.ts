import { isFormulaLikeText } from './is-formula-like-text';

/**
 * Makes a text inert for spreadsheets by prefixing a single quote when it starts like a formula
 * ('=HYPERLINK(...)' gives "'=HYPERLINK(...)"); any other text is returned unchanged.
 *
 * Which writer uses which helper:
 * - CSV, or any plain-text export opened by a spreadsheet: write `neutraliseFormulaText(value)` (OWASP's mitigation).
 * - ExcelJS (.xlsx written by the server or the CLI): write the original string as a string value (never
 *   `{ formula }`), and when `isFormulaLikeText(value)` set the cell's `numFmt` to '@' (text) so that
 *   editing the cell in Excel does not turn it into a formula. No quote is added: it would be stored and shown.
 * - Office.js (the add-in writing cells): set the range's `numberFormat` to '@' before writing `values`
 *   for texts where `isFormulaLikeText(value)`; `range.values = ['=…']` would otherwise enter a formula.
 */
export function neutraliseFormulaText(value: string): string {
  return isFormulaLikeText(value) ? `'${value}` : value;
}
