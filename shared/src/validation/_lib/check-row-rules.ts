import { createFinding, type FindingPlace } from '../../findings/create-finding';
import type { MessageSlots, SlotValue } from '../../findings/render-message';
import type { Finding } from '../../findings/types';
import type { CellValue } from '../../grid/types';
import type { TypedValue } from '../types';
import type { CompiledCondition, CompiledRule, CompiledSpec } from './compile-spec';

/** What the cross-column rules need besides the row: the sheet, the day of checking, the header, the campaign. */
export interface RuleEnvironment {
  sheetName: string;
  /** Day of checking, YYYY-MM-DD. */
  asOf: string;
  header: Readonly<Record<string, TypedValue>>;
  /** The campaign's sale days; empty when unknown (then the sale-day rules are skipped). */
  saleDays: ReadonlySet<string>;
  firstSaleDay: string | null;
  /** The sale days as text, for messages. */
  saleDaysText: string;
}

/** One filled row as the rules see it, by zero-based column index. */
export interface RowState {
  rowNumber: number;
  raw: readonly CellValue[];
  /** Typed values (null when empty or invalid). */
  typed: readonly TypedValue[];
  /** True where the cell holds something. */
  filled: readonly boolean[];
}

/**
 * Checks the spec's cross-column rules on one filled row. Each finding stands at the rule's own
 * column (the dependent cell: C12 when I12 is 电话). A rule whose condition reads a cell that is
 * filled but invalid says nothing: that cell is already reported.
 */
export function checkRowRules(
  compiled: CompiledSpec,
  row: RowState,
  environment: RuleEnvironment,
  findings: Finding[],
  place: FindingPlace = { sheetName: environment.sheetName, row: row.rowNumber, column: 'A' },
): void {
  const { typed: typedValues, filled } = row;
  // One place object for all rules (and rows): createFinding copies what it needs from it.
  place.row = row.rowNumber;
  const rules = compiled.rules;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    const index = rule.index;
    const typed = typedValues[index];
    let variant: string | null = null;
    switch (rule.kind) {
      case 'required-when':
        if (!filled[index] && holds(rule.when, row)) variant = rule.kind;
        break;
      case 'requires':
        if (holds(rule.when, row) && rule.then !== null && !isInvalid(rule.then.index, row) && !holds(rule.then, row)) variant = rule.kind;
        break;
      case 'only-when':
        if (filled[index] && rule.when !== null && !isInvalid(rule.when.index, row) && !holds(rule.when, row)) variant = rule.kind;
        break;
      case 'below-when':
        if (typeof typed === 'number' && typed < rule.below && holds(rule.when, row)) variant = rule.kind;
        break;
      case 'flag-value':
        if (typed !== null && typed === rule.value) {
          place.column = rule.column;
          findings.push(createFinding('flagged-value', place, { value: row.raw[index] ?? null, severity: rule.severity, slots: { label: rule.label } }));
        }
        break;
      case 'not-above': {
        const other = typedValues[rule.other];
        if (typeof typed !== 'number' || typeof other !== 'number') break;
        const limit = other * rule.factor;
        // A relative tolerance keeps 1100 within 110% of 1000 despite 1000 × 1.1 = 1100.0000000000002.
        if (typed > limit + Math.abs(limit) * 1e-12) variant = rule.factor === 1 ? 'not-above' : 'not-above-factor';
        break;
      }
      case 'in-sale-days':
        if (environment.saleDays.size > 0 && typeof typed === 'string' && !environment.saleDays.has(typed)) variant = rule.kind;
        break;
      case 'empty-before-first-sale-day':
        if (environment.firstSaleDay !== null && filled[index] && environment.asOf < environment.firstSaleDay) variant = rule.kind;
        break;
      case 'in-header-month': {
        const month = environment.header[rule.headerKey];
        if (typeof typed === 'string' && typeof month === 'string' && typed.slice(0, 7) !== month.slice(0, 7)) variant = rule.kind;
        break;
      }
    }
    if (variant !== null) {
      place.column = rule.column;
      findings.push(crossFieldFinding(rule, variant, row, environment, place));
    }
  }
}

/**
 * The cross-field-error of a broken rule, its message slots filled for the rule's kind. Its value is
 * the cell's as typed, except that a date (or month) Excel stores as a serial number is given as the
 * day it names ('2026-12-05', not 46361): the serial means nothing to the reader.
 */
function crossFieldFinding(rule: CompiledRule, variant: string, row: RowState, environment: RuleEnvironment, place: FindingPlace): Finding {
  const raw = row.raw[rule.index] ?? null;
  const typed = row.typed[rule.index];
  return createFinding('cross-field-error', place, {
    value: rule.kind === 'required-when' ? null : typeof raw === 'number' && typeof typed === 'string' ? typed : raw,
    variant,
    severity: rule.severity,
    slots: ruleSlots(rule, row, environment),
  });
}

/**
 * The message slots of a broken rule: its column's label, its conditions in words (`when`, `then`)
 * and what its kind names besides. Each kind's slots are one object literal (a stable shape).
 */
function ruleSlots(rule: CompiledRule, row: RowState, environment: RuleEnvironment): MessageSlots {
  const label = rule.label;
  const typed = row.typed[rule.index];
  switch (rule.kind) {
    case 'required-when':
    case 'only-when':
      return rule.when === null ? { label } : { label, when: rule.when.text };
    case 'requires':
      if (rule.when === null || rule.then === null) return conditionSlots(rule);
      return { label, when: rule.when.text, then: rule.then.text };
    case 'below-when':
      return rule.when === null ? { label, below: rule.below } : { label, when: rule.when.text, below: rule.below };
    case 'not-above':
      return { label, other: rule.otherLabel, otherValue: row.typed[rule.other], factor: `${Math.round(rule.factor * 1000) / 10}%` };
    case 'in-sale-days':
      return { label, value: typed, saleDays: environment.saleDaysText };
    case 'empty-before-first-sale-day':
      return { label, firstSaleDay: environment.firstSaleDay, asOf: environment.asOf };
    case 'in-header-month': {
      const month = environment.header[rule.headerKey];
      return { label, value: typed, other: rule.headerLabel, month: typeof month === 'string' ? month.slice(0, 7) : null };
    }
    default:
      return conditionSlots(rule);
  }
}

/** The label and whichever conditions the rule has. */
function conditionSlots(rule: CompiledRule): MessageSlots {
  const slots: Record<string, SlotValue> = { label: rule.label };
  if (rule.when) slots.when = rule.when.text;
  if (rule.then) slots.then = rule.then.text;
  return slots;
}

/** True when the condition holds on the row. */
function holds(condition: CompiledCondition | null, row: RowState): boolean {
  if (condition === null) return false;
  if (condition.values !== null) {
    if (!isOneOf(row.typed[condition.index], condition.values)) return false;
    return condition.filled === undefined || condition.filled === row.filled[condition.index];
  }
  return row.filled[condition.index] === condition.filled;
}

/** True when the value is one of the few values of a condition (typed values are never NaN: === suffices). */
function isOneOf(value: TypedValue, values: readonly TypedValue[]): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] === value) return true;
  return false;
}

/** True when a cell is filled but its value could not be read (already reported). */
function isInvalid(index: number, row: RowState): boolean {
  return row.filled[index] && row.typed[index] === null;
}
