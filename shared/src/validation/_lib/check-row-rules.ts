import { createFinding, type FindingPlace } from '../../findings/create-finding';
import type { MessageSlots } from '../../findings/render-message';
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
  // One place object for all rules (and rows): createFinding copies what it needs from it.
  place.row = row.rowNumber;
  for (const rule of compiled.rules) {
    const typed = row.typed[rule.index];
    place.column = rule.column;
    if (rule.kind === 'flag-value') {
      if (typed !== null && typed === rule.value) {
        findings.push(createFinding('flagged-value', place, { value: row.raw[rule.index] ?? null, severity: rule.severity, slots: { label: rule.label } }));
      }
      continue;
    }
    const variant = brokenVariant(rule, typed, row, environment);
    if (variant !== null) findings.push(crossFieldFinding(rule, variant, row, environment, place));
  }
}

/** The message variant when the row breaks the rule (the kind, or not-above-factor), else null. */
function brokenVariant(rule: Exclude<CompiledRule, { kind: 'flag-value' }>, typed: TypedValue, row: RowState, environment: RuleEnvironment): string | null {
  const filled = row.filled[rule.index];
  switch (rule.kind) {
    case 'required-when':
      return !filled && holds(rule.when, row) ? rule.kind : null;
    case 'requires':
      return holds(rule.when, row) && !isInvalid(rule.then.index, row) && !holds(rule.then, row) ? rule.kind : null;
    case 'only-when':
      return filled && !isInvalid(rule.when.index, row) && !holds(rule.when, row) ? rule.kind : null;
    case 'below-when':
      return typeof typed === 'number' && typed < rule.below && holds(rule.when, row) ? rule.kind : null;
    case 'not-above': {
      const other = row.typed[rule.other];
      if (typeof typed !== 'number' || typeof other !== 'number') return null;
      const limit = other * rule.factor;
      // A relative tolerance keeps 1100 within 110% of 1000 despite 1000 × 1.1 = 1100.0000000000002.
      if (typed <= limit + Math.abs(limit) * 1e-12) return null;
      return rule.factor === 1 ? 'not-above' : 'not-above-factor';
    }
    case 'in-sale-days':
      return environment.saleDays.size > 0 && typeof typed === 'string' && !environment.saleDays.has(typed) ? rule.kind : null;
    case 'empty-before-first-sale-day':
      return environment.firstSaleDay !== null && filled && environment.asOf < environment.firstSaleDay ? rule.kind : null;
    case 'in-header-month': {
      const month = environment.header[rule.headerKey];
      return typeof typed === 'string' && typeof month === 'string' && typed.slice(0, 7) !== month.slice(0, 7) ? rule.kind : null;
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
    severity: 'severity' in rule ? rule.severity : 'error',
    slots: ruleSlots(rule, row, environment),
  });
}

/** The message slots of a broken rule: its column's label, its conditions in words (`when`, `then`) and what its kind names besides. */
function ruleSlots(rule: CompiledRule, row: RowState, environment: RuleEnvironment): MessageSlots {
  const label = rule.label;
  const typed = row.typed[rule.index];
  switch (rule.kind) {
    case 'required-when':
    case 'only-when':
      return { label, when: rule.when.text };
    case 'requires':
      return { label, when: rule.when.text, then: rule.then.text };
    case 'below-when':
      return { label, when: rule.when.text, below: rule.below };
    case 'flag-value':
      return { label };
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
  }
}

/** True when the condition holds on the row. */
function holds(condition: CompiledCondition, row: RowState): boolean {
  const filled = row.filled[condition.index];
  if (condition.values === null) return filled === condition.filled;
  return condition.values.includes(row.typed[condition.index]) && (condition.filled === undefined || condition.filled === filled);
}

/** True when a cell is filled but its value could not be read (already reported). */
function isInvalid(index: number, row: RowState): boolean {
  return row.filled[index] && row.typed[index] === null;
}
