import { findingCodes, type FindingCode, type FindingCodeDefinition, type MessageTemplate } from './codes';
import { renderMessage, type MessageSlots } from './render-message';
import type { Finding, Severity } from './types';

/** Where a finding stands: a cell (row and column letters) of a sheet, or the sheet (or file) as a whole. */
export interface FindingPlace {
  sheetName: string;
  row?: number;
  column?: string;
}

export interface CreateFindingOptions {
  /** The value as it stood in the cell (null when empty). */
  value?: string | number | boolean | null;
  /** What a safe fix would write into the cell. */
  fix?: string | number | null;
  /** Message variant of the code (`min`, `required-when`...); becomes the finding's `note`. */
  variant?: string;
  /** Overrides the code's severity (a spec rule with its own severity). */
  severity?: Severity;
  /** Slot values besides `address`, `value` and `fix`, which are filled in here. */
  slots?: MessageSlots;
}

/**
 * Builds a finding of a catalogued code: address (`邀约明细!K12`, or the sheet name), severity
 * (a warning when a code with a safe fix carries one) and both messages, rendered from the catalogue.
 * `place` is read, never kept: callers may reuse one place object from cell to cell.
 */
export function createFinding(code: FindingCode, place: FindingPlace, options: CreateFindingOptions = {}): Finding {
  const definition: FindingCodeDefinition = findingCodes[code];
  const variant = options.variant ?? 'default';
  const template: MessageTemplate = definition.messages[variant] ?? definition.messages.default;
  const fix = options.fix ?? null;
  const value = options.value ?? null;
  const address = place.row !== undefined && place.column !== undefined ? `${place.sheetName}!${place.column}${place.row}` : place.sheetName;
  const severity = options.severity ?? (fix !== null && definition.severityWithFix ? definition.severityWithFix : definition.severity);
  const messages = renderMessage(template, { value, fix, ...options.slots, address });
  const finding: Finding = { code, severity, address, value, message_zh: messages.message_zh, message_en: messages.message_en, fix };
  if (place.row !== undefined) finding.row = place.row;
  if (place.column !== undefined) finding.column = place.column;
  if (variant !== 'default') finding.note = variant;
  return finding;
}
