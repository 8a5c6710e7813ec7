export type Severity = 'error' | 'warning' | 'notice';

/**
 * One problem found in a sheet, as data. `address` is `邀约明细!K12` for a cell,
 * the sheet name alone for a finding about the whole sheet, or the workbook file for a missing identity.
 */
export interface Finding {
  code: string;
  severity: Severity;
  address: string;
  /** 1-based row and column letters, when the finding stands at a cell. */
  row?: number;
  column?: string;
  /** The value as it stood in the cell (null when empty). */
  value: string | number | boolean | null;
  message_zh: string;
  message_en: string;
  /** Short note on this occurrence (which rule, which bound). */
  note?: string;
  /** What a safe fix would write into the cell, else null. */
  fix: string | number | null;
}
