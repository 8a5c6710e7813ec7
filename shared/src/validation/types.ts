/**
 * Types of validated sheets (interface A). Dates are 'YYYY-MM-DD', months 'YYYY-MM',
 * 是/否 columns the text '是' / '否', phones 11 digits, money and numbers numbers.
 */
export type TypedValue = string | number | boolean | null;

/** One filled data row after validation: its sheet row number and its values by column letter. */
export interface TypedRow {
  rowNumber: number;
  values: Record<string /* column letter */, TypedValue>;
}
