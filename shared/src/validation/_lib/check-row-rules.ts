import { createFinding } from '../../findings/create-finding';
import type { Finding } from '../../findings/types';
import type { CellValue } from '../../grid/types';
import type { TypedValue } from '../types';
import type { CompiledCondition, CompiledSpec } from './compile-spec';

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
export function checkRowRules(compiled: CompiledSpec, row: RowState, environment: RuleEnvironment, findings: Finding[]): void {
  const { typed: typedValues, filled } = row;
  // One place object for all rules of the row: createFinding copies what it needs from it.
  const place = { sheetName: environment.sheetName, row: row.rowNumber, column: 'A' };
  for (const rule of compiled.rules) {
    const at = compiled.byIndex[rule.index];
    if (!at) continue;
    place.column = at.column.col;
    const label = at.column.label;
    const typed = typedValues[rule.index];
    const raw = row.raw[rule.index] ?? null;
    switch (rule.kind) {
      case 'required-when':
        if (!filled[rule.index] && holds(rule.when, row)) {
          findings.push(createFinding('cross-field-error', place, { variant: rule.kind, slots: { label, when: rule.when.text } }));
        }
        break;
      case 'requires':
        if (holds(rule.when, row) && !isInvalid(rule.then.index, row) && !holds(rule.then, row)) {
          findings.push(
            createFinding('cross-field-error', place, { value: raw, variant: rule.kind, severity: rule.severity, slots: { label, then: rule.then.text } }),
          );
        }
        break;
      case 'only-when':
        if (filled[rule.index] && !isInvalid(rule.when.index, row) && !holds(rule.when, row)) {
          findings.push(createFinding('cross-field-error', place, { value: raw, variant: rule.kind, slots: { label, when: rule.when.text } }));
        }
        break;
      case 'below-when':
        if (typeof typed === 'number' && typed < rule.below && holds(rule.when, row)) {
          findings.push(
            createFinding('cross-field-error', place, {
              value: raw,
              variant: rule.kind,
              severity: rule.severity,
              slots: { label, when: rule.when.text, below: rule.below },
            }),
          );
        }
        break;
      case 'flag-value':
        if (typed !== null && typed === rule.value) {
          findings.push(createFinding('flagged-value', place, { value: raw, severity: rule.severity, slots: { label } }));
        }
        break;
      case 'not-above': {
        const other = typedValues[rule.other];
        if (typeof typed !== 'number' || typeof other !== 'number') break;
        const limit = other * rule.factor;
        // A relative tolerance keeps 1100 within 110% of 1000 despite 1000 × 1.1 = 1100.0000000000002.
        if (typed > limit + Math.abs(limit) * 1e-12) {
          findings.push(
            createFinding('cross-field-error', place, {
              value: raw,
              variant: rule.factor === 1 ? 'not-above' : 'not-above-factor',
              severity: rule.severity,
              slots: {
                label,
                other: compiled.byIndex[rule.other]?.column.label ?? '',
                otherValue: other,
                factor: `${Math.round(rule.factor * 1000) / 10}%`,
              },
            }),
          );
        }
        break;
      }
      case 'in-sale-days':
        if (environment.saleDays.size > 0 && typeof typed === 'string' && !environment.saleDays.has(typed)) {
          findings.push(
            createFinding('cross-field-error', place, { value: raw, variant: rule.kind, slots: { label, value: typed, saleDays: environment.saleDaysText } }),
          );
        }
        break;
      case 'empty-before-first-sale-day': {
        const firstSaleDay = environment.firstSaleDay;
        if (firstSaleDay !== null && filled[rule.index] && environment.asOf < firstSaleDay) {
          findings.push(createFinding('cross-field-error', place, { value: raw, variant: rule.kind, slots: { label, firstSaleDay, asOf: environment.asOf } }));
        }
        break;
      }
      case 'in-header-month': {
        const month = environment.header[rule.headerKey];
        if (typeof typed === 'string' && typeof month === 'string' && typed.slice(0, 7) !== month.slice(0, 7)) {
          findings.push(
            createFinding('cross-field-error', place, {
              value: raw,
              variant: rule.kind,
              slots: { label, value: typed, other: rule.headerLabel, month: month.slice(0, 7) },
            }),
          );
        }
        break;
      }
    }
  }
}

/** True when the condition holds on the row. */
function holds(condition: CompiledCondition, row: RowState): boolean {
  if (condition.values !== null) {
    if (!condition.values.has(row.typed[condition.index])) return false;
    return condition.filled === undefined || condition.filled === row.filled[condition.index];
  }
  return row.filled[condition.index] === condition.filled;
}

/** True when a cell is filled but its value could not be read (already reported). */
function isInvalid(index: number, row: RowState): boolean {
  return row.filled[index] && row.typed[index] === null;
}
