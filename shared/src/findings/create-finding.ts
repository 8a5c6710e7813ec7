import { findingCodes, type FindingCode, type FindingCodeDefinition, type MessageTemplate } from './codes';
import { fillFindingText, type MessageSlots } from './render-message';
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

const NO_SLOTS: MessageSlots = Object.freeze({});

/** Characters of a cell's text a finding repeats (its value and both messages); longer text is cut, ending in "…". */
export const FINDING_VALUE_MAX_CHARS = 200;

function shortValue(value: string | number | boolean | null): string | number | boolean | null {
  return typeof value === 'string' && value.length > FINDING_VALUE_MAX_CHARS ? `${value.slice(0, FINDING_VALUE_MAX_CHARS)}…` : value;
}

/**
 * Builds a finding of a catalogued code: address (`邀约明细!K12`, or the sheet name), severity
 * (a warning when a code with a safe fix carries one) and both messages, rendered from the catalogue.
 * A value longer than FINDING_VALUE_MAX_CHARS is cut (a 50,000-character cell makes a short finding).
 * `place` is read, never kept: callers may reuse one place object from cell to cell.
 */
export function createFinding(code: FindingCode, place: FindingPlace, options: CreateFindingOptions = {}): Finding {
  const definition: FindingCodeDefinition = findingCodes[code];
  const variant = options.variant ?? 'default';
  const template: MessageTemplate = definition.messages[variant] ?? definition.messages.default;
  const fix = options.fix ?? null;
  const value = shortValue(options.value ?? null);
  const { sheetName, row, column } = place;
  const address = row !== undefined && column !== undefined ? `${sheetName}!${column}${row}` : sheetName;
  const severity = options.severity ?? (fix !== null && definition.severityWithFix ? definition.severityWithFix : definition.severity);
  const slots = options.slots ?? NO_SLOTS;
  const message_zh = fillFindingText(template.zh, 'zh', address, value, fix, slots);
  const message_en = fillFindingText(template.en, 'en', address, value, fix, slots);
  const note = variant === 'default' ? undefined : variant;
  // Whole object literals, one per shape: their object shapes stay known to the engine between
  // calls, even when no finding of the previous call is alive any more.
  if (row !== undefined && column !== undefined) {
    return note === undefined
      ? { code, severity, address, value, message_zh, message_en, fix, row, column }
      : { code, severity, address, value, message_zh, message_en, fix, row, column, note };
  }
  if (row === undefined && column === undefined) {
    return note === undefined ? { code, severity, address, value, message_zh, message_en, fix } : { code, severity, address, value, message_zh, message_en, fix, note };
  }
  return withPartialPlace({ code, severity, address, value, message_zh, message_en, fix }, row, column, note);
}

/** A finding at a row without a column, or at a column without a row (rare): the parts it has, then the note. */
function withPartialPlace(finding: Finding, row: number | undefined, column: string | undefined, note: string | undefined): Finding {
  if (row !== undefined) finding.row = row;
  if (column !== undefined) finding.column = column;
  if (note !== undefined) finding.note = note;
  return finding;
}
