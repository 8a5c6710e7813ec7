import type { Finding } from '../findings/types';
import type { Organisation } from '../org/schema';
import type { TemplateIdentity, TemplateSpec } from '../spec/schema';

/**
 * Types of validated sheets, as every face (pane, CLI, API) reads them. Dates are 'YYYY-MM-DD', months 'YYYY-MM',
 * 是/否 columns the text '是' / '否', phones 11 digits, money and numbers numbers.
 */
export type TypedValue = string | number | boolean | null;

/** One filled data row after validation: its sheet row number and its values by column letter. */
export interface TypedRow {
  rowNumber: number;
  values: Record<string /* column letter */, TypedValue>;
}

/** What `validateSheet` says of one template sheet. */
export interface SheetValidation {
  /** The identity the workbook carries for the sheet; null when it carries none. */
  template: TemplateIdentity | null;
  /** The spec the sheet was checked against (its own version's). */
  spec: TemplateSpec;
  findings: Finding[];
  /** Header values by header field key, normalised (a fixable value takes its fix, an invalid one null). */
  header: Record<string /* header field key */, TypedValue>;
  /** Outlet or workplace code resolved from the organisation, else null. */
  unitCode: string | null;
  /** The filled rows, values normalised (a fixable value takes its fix, an invalid one null). */
  rows: TypedRow[];
  /** True when any finding is an error. */
  hasErrors: boolean;
}

export interface ValidateSheetOptions {
  /** Day of checking, YYYY-MM-DD: rules that depend on the day are judged on it. */
  asOf: string;
  /** The sub-branch's organisation; without it the rules that need it are skipped with one notice. */
  organisation?: Organisation;
  /** The identity the workbook carries for the sheet: null for none; undefined means the spec's own. */
  identity?: TemplateIdentity | null;
}
