import { slotPhrases } from '../../findings/codes';
import { createFinding } from '../../findings/create-finding';
import { localisePhrase } from '../../findings/localise-phrase';
import type { LocalisedText } from '../../findings/render-message';
import type { Finding } from '../../findings/types';
import type { SheetGrid } from '../../grid/types';
import { findOrgUnit } from '../../org/find-org-unit';
import type { Organisation } from '../../org/schema';
import type { TypedValue } from '../types';
import { isBlankCell } from '../../normalise/is-blank-cell';
import { checkValue, type CheckContext } from './check-value';
import type { CompiledSpec } from './compile-spec';
import { cellAt } from './grid-cells';

export interface HeaderValues {
  header: Record<string, TypedValue>;
  /** Code of the unit (outlet, workplace) the header names, when the organisation knows it. */
  unitCode: string | null;
}

/**
 * Checks the header block's values: required, typed, from their lists, and the organisation
 * references (支行, 网点, 职场) by name or code; without an organisation those references go to
 * `skipped`. The period field is read first: its year becomes `context.defaultYear` for dates
 * written without one. Findings come out in sheet order.
 */
export function checkHeaderValues(
  compiled: CompiledSpec,
  grid: SheetGrid,
  organisation: Organisation | undefined,
  context: CheckContext,
  skipped: LocalisedText[],
): HeaderValues {
  const findings: Finding[] = [];
  const fieldContext: CheckContext = { findings, defaultYear: context.defaultYear };
  const header: Record<string, TypedValue> = {};
  let unitCode: string | null = null;
  const period = compiled.periodField;
  const ordered = period ? [period, ...compiled.headerFields.filter((f) => f !== period)] : compiled.headerFields;
  for (const { field, value: position, checker } of ordered) {
    const { rowIndex, columnIndex, row, column } = position;
    const place = { sheetName: grid.sheetName, row, column };
    const raw = cellAt(grid, rowIndex, columnIndex);
    let typed: TypedValue = null;
    if (isBlankCell(raw)) {
      if (field.required) findings.push(createFinding('required-error', place, { slots: { label: field.label } }));
    } else {
      typed = checkValue(checker, raw, place, fieldContext);
    }
    header[field.key] = typed;
    if (field === period?.field && typeof typed === 'string') fieldContext.defaultYear = Number(typed.slice(0, 4));
    if (!field.orgRef || typed === null) continue;
    if (!organisation) {
      skipped.push(localisePhrase(slotPhrases.orgRefCheck, { label: field.label }));
      continue;
    }
    const unit = findOrgUnit(organisation, String(typed), field.orgRef);
    if (!unit) {
      findings.push(createFinding('unknown-org-unit', place, { value: raw, slots: { label: field.label, unitKind: slotPhrases[field.orgRef] } }));
    } else if (field.role === 'unit') {
      unitCode = unit.code;
    }
  }
  findings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || compareColumns(a.column ?? '', b.column ?? ''));
  context.findings.push(...findings);
  context.defaultYear = fieldContext.defaultYear;
  return { header, unitCode };
}

function compareColumns(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
