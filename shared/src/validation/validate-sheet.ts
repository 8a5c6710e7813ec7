import { slotPhrases } from '../findings/codes';
import { createFinding } from '../findings/create-finding';
import { localisePhrase } from '../findings/localise-phrase';
import type { LocalisedText } from '../findings/render-message';
import type { Finding } from '../findings/types';
import type { CellValue, SheetGrid } from '../grid/types';
import { findOrgUnit } from '../org/find-org-unit';
import type { TemplateSpec } from '../spec/schema';
import { columnLetters } from './_lib/cell-ref';
import { checkValue, isBlankCell, type CheckContext } from './_lib/check-value';
import { compileSpec, type CompiledCondition, type CompiledSpec, type LabelCheck } from './_lib/compile-spec';
import type { SheetValidation, TypedRow, TypedValue, ValidateSheetOptions } from './types';

const EMPTY_ROW: readonly CellValue[] = [];

/**
 * Checks one template sheet against its spec and every rule of it: labels (title, header block,
 * header row; compared after trimming spaces), computed cells, header values, each data row's
 * values (types, lists, bounds, lengths, required columns) and the cross-column rules.
 * Returns the findings and the normalised header and filled rows. A sheet with problems is a
 * result, never an exception. Pure: the day of checking comes in `options.asOf`.
 *
 * Rows: a row is filled when any cell but 序号 and the computed columns is. Empty rows after the
 * last filled row are the template's unused rows and say nothing; empty rows between filled rows
 * are ignored with one `blank-row` notice per run of them.
 */
export function validateSheet(grid: SheetGrid, spec: TemplateSpec, options: ValidateSheetOptions): SheetValidation {
  const compiled = compileSpec(spec);
  const sheetName = grid.sheetName;
  const findings: Finding[] = [];
  const values = grid.values;
  const formulas = grid.formulas;
  const cell = (rowIndex: number, columnIndex: number): CellValue => values[rowIndex]?.[columnIndex] ?? null;
  const hasFormula = (rowIndex: number, columnIndex: number): boolean => {
    const formula = formulas?.[rowIndex]?.[columnIndex];
    if (typeof formula !== 'string') return false;
    const text = formula.trim();
    return text !== '' && text !== '=';
  };
  const organisation = options.organisation;
  const skipped: LocalisedText[] = [];
  const skippedNoSaleDays: LocalisedText[] = [];

  // Labels of the title, the header block and the header row.
  checkLabel(compiled.title, cell, sheetName, findings);
  for (const field of compiled.headerFields) checkLabel(field.label, cell, sheetName, findings);
  for (const computedCell of compiled.computedCells) checkLabel(computedCell.labelCheck, cell, sheetName, findings);
  checkExtraLayoutCells(compiled, values, sheetName, findings);
  checkHeaderRow(compiled, cell, values, sheetName, findings);

  // Computed cells of the header block keep their formulas (known only when the grid has formulas).
  if (formulas) {
    for (const computedCell of compiled.computedCells) {
      const { rowIndex, columnIndex, row, column } = computedCell.value;
      if (!hasFormula(rowIndex, columnIndex)) {
        const raw = cell(rowIndex, columnIndex);
        const blank = isBlankCell(raw);
        findings.push(
          createFinding('computed-cell-overwritten', { sheetName, row, column }, {
            value: blank ? null : raw,
            variant: blank ? 'removed' : 'default',
            slots: { label: computedCell.label },
          }),
        );
      }
    }
  }

  // Header values. The period field goes first: its year dates the dates written without one.
  const asOfYear = Number(options.asOf.slice(0, 4));
  const context: CheckContext = { findings, defaultYear: asOfYear };
  const header: Record<string, TypedValue> = {};
  let unitCode: string | null = null;
  const orderedFields = compiled.periodField
    ? [compiled.periodField, ...compiled.headerFields.filter((f) => f !== compiled.periodField)]
    : compiled.headerFields;
  const headerFindingsStart = findings.length;
  for (const field of orderedFields) {
    const { rowIndex, columnIndex, row, column } = field.value;
    const raw = cell(rowIndex, columnIndex);
    let typed: TypedValue = null;
    if (isBlankCell(raw)) {
      if (field.field.required) findings.push(createFinding('required-error', { sheetName, row, column }, { slots: { label: field.field.label } }));
    } else {
      typed = checkValue(field.checker, raw, { sheetName, row, column }, context);
    }
    header[field.field.key] = typed;
    if (field === compiled.periodField && typeof typed === 'string') context.defaultYear = Number(typed.slice(0, 4));
    const orgRef = field.field.orgRef;
    if (orgRef && typed !== null) {
      if (!organisation) {
        skipped.push(localisePhrase(slotPhrases.orgRefCheck, { label: field.field.label }));
      } else {
        const unit = findOrgUnit(organisation, String(typed), orgRef);
        if (!unit) {
          findings.push(
            createFinding('unknown-org-unit', { sheetName, row, column }, { value: raw, slots: { label: field.field.label, unitKind: slotPhrases[orgRef] } }),
          );
        } else if (field.field.role === 'unit') {
          unitCode = unit.code;
        }
      }
    }
  }
  // Header findings in sheet order (the period field was checked first).
  sortByPlace(findings, headerFindingsStart);

  // Rules that need the organisation's campaign.
  const saleDays = organisation?.campaign?.saleDays ?? [];
  const saleDaySet = new Set(saleDays);
  const firstSaleDay = saleDays.length > 0 ? [...saleDays].sort()[0] : null;
  const saleDaysText = saleDays.join(', ');
  for (const rule of compiled.rules) {
    if (rule.kind !== 'in-sale-days' && rule.kind !== 'empty-before-first-sale-day') continue;
    const label = compiled.byIndex[rule.index]?.column.label ?? '';
    const phrase = localisePhrase(rule.kind === 'in-sale-days' ? slotPhrases.saleDaysCheck : slotPhrases.firstSaleDayCheck, { label });
    if (!organisation) skipped.push(phrase);
    else if (saleDays.length === 0) skippedNoSaleDays.push(phrase);
  }
  const campaignRulesOn = saleDays.length > 0;

  // Data rows.
  const rows: TypedRow[] = [];
  const columns = compiled.columns;
  const columnCount = compiled.byIndex.length;
  const typedScratch: TypedValue[] = new Array<TypedValue>(columnCount).fill(null);
  const filledScratch: boolean[] = new Array<boolean>(columnCount).fill(false);
  const firstDataIndex = spec.firstDataRow - 1;
  let blankRunStart = -1;
  let anyFilled = false;
  for (let rowIndex = firstDataIndex; rowIndex < values.length; rowIndex++) {
    const rowValues = values[rowIndex] ?? EMPTY_ROW;
    const rowNumber = rowIndex + 1;
    let filled = false;
    for (const index of compiled.fillingIndexes) {
      if (!isBlankCell(rowValues[index])) {
        filled = true;
        break;
      }
    }
    if (!filled) {
      if (anyFilled && blankRunStart < 0) blankRunStart = rowIndex;
      if (formulas) checkUnfilledComputedCells(compiled, rowValues, rowIndex, hasFormula, sheetName, findings);
      continue;
    }
    if (blankRunStart >= 0) {
      const count = rowIndex - blankRunStart;
      findings.push(
        createFinding('blank-row', { sheetName, row: blankRunStart + 1, column: 'A' }, {
          slots: { count, rows: count === 1 ? String(blankRunStart + 1) : `${blankRunStart + 1}–${rowIndex}` },
        }),
      );
      blankRunStart = -1;
    }
    anyFilled = true;

    // A clone of a template with every column key: one allocation, no hidden-class transitions.
    const typedValues: Record<string, TypedValue> = { ...compiled.emptyValues };
    for (const compiledColumn of columns) {
      const index = compiledColumn.index;
      const raw = rowValues[index] ?? null;
      const blank = isBlankCell(raw);
      filledScratch[index] = !blank;
      const letter = compiledColumn.column.col;
      let typed: TypedValue = null;
      if (compiledColumn.computed) {
        typed = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
        if (formulas && !hasFormula(rowIndex, index)) {
          findings.push(
            createFinding('computed-cell-overwritten', { sheetName, row: rowNumber, column: letter }, {
              value: blank ? null : raw,
              variant: blank ? 'removed' : 'default',
              slots: { label: compiledColumn.column.label },
            }),
          );
        }
      } else if (blank) {
        if (compiledColumn.column.required) {
          findings.push(createFinding('required-error', { sheetName, row: rowNumber, column: letter }, { slots: { label: compiledColumn.column.label } }));
        }
      } else {
        typed = checkValue(compiledColumn.checker, raw, { sheetName, row: rowNumber, column: letter }, context);
      }
      typedScratch[index] = typed;
      typedValues[letter] = typed;
    }
    for (const rule of compiled.rules) {
      const at = compiled.byIndex[rule.index];
      if (!at) continue;
      const place = { sheetName, row: rowNumber, column: at.column.col };
      const label = at.column.label;
      const typed = typedScratch[rule.index];
      const raw = rowValues[rule.index] ?? null;
      switch (rule.kind) {
        case 'required-when':
          if (!filledScratch[rule.index] && holds(rule.when, typedScratch, filledScratch)) {
            findings.push(createFinding('cross-field-error', place, { variant: rule.kind, slots: { label, when: rule.when.text } }));
          }
          break;
        case 'requires':
          if (
            holds(rule.when, typedScratch, filledScratch) &&
            !isInvalid(rule.then.index, typedScratch, filledScratch) &&
            !holds(rule.then, typedScratch, filledScratch)
          ) {
            findings.push(
              createFinding('cross-field-error', place, { value: raw, variant: rule.kind, severity: rule.severity, slots: { label, then: rule.then.text } }),
            );
          }
          break;
        case 'only-when':
          if (filledScratch[rule.index] && !isInvalid(rule.when.index, typedScratch, filledScratch) && !holds(rule.when, typedScratch, filledScratch)) {
            findings.push(createFinding('cross-field-error', place, { value: raw, variant: rule.kind, slots: { label, when: rule.when.text } }));
          }
          break;
        case 'below-when':
          if (typeof typed === 'number' && typed < rule.below && holds(rule.when, typedScratch, filledScratch)) {
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
          const other = typedScratch[rule.other];
          if (typeof typed === 'number' && typeof other === 'number') {
            const limit = other * rule.factor;
            if (typed > limit + Math.abs(limit) * 1e-12) {
              findings.push(
                createFinding('cross-field-error', place, {
                  value: raw,
                  variant: rule.kind,
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
          }
          break;
        }
        case 'in-sale-days':
          if (campaignRulesOn && typeof typed === 'string' && !saleDaySet.has(typed)) {
            findings.push(createFinding('cross-field-error', place, { value: raw, variant: rule.kind, slots: { label, value: typed, saleDays: saleDaysText } }));
          }
          break;
        case 'empty-before-first-sale-day':
          if (firstSaleDay !== null && filledScratch[rule.index] && options.asOf < firstSaleDay) {
            findings.push(
              createFinding('cross-field-error', place, { value: raw, variant: rule.kind, slots: { label, firstSaleDay, asOf: options.asOf } }),
            );
          }
          break;
        case 'in-header-month': {
          const month = header[rule.headerKey];
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
    rows.push({ rowNumber, values: typedValues });
  }

  if (skipped.length > 0) {
    findings.push(createFinding('org-rules-skipped', { sheetName }, { slots: { skipped: joinLocalised(skipped) } }));
  }
  if (skippedNoSaleDays.length > 0) {
    findings.push(createFinding('org-rules-skipped', { sheetName }, { variant: 'no-sale-days', slots: { skipped: joinLocalised(skippedNoSaleDays) } }));
  }

  return {
    template: options.identity === undefined ? { id: spec.id, version: spec.version } : options.identity,
    spec,
    findings,
    header,
    unitCode,
    rows,
    hasErrors: findings.some((f) => f.severity === 'error'),
  };
}

/** True when the condition holds on the row's typed values. */
function holds(condition: CompiledCondition, typed: readonly TypedValue[], filled: readonly boolean[]): boolean {
  if (condition.values !== null) {
    if (!condition.values.has(typed[condition.index])) return false;
    return condition.filled === undefined || condition.filled === filled[condition.index];
  }
  return filled[condition.index] === condition.filled;
}

/** True when a cell is filled but its value could not be read (already reported). */
function isInvalid(index: number, typed: readonly TypedValue[], filled: readonly boolean[]): boolean {
  return filled[index] && typed[index] === null;
}

function checkLabel(
  check: LabelCheck,
  cell: (rowIndex: number, columnIndex: number) => CellValue,
  sheetName: string,
  findings: Finding[],
): void {
  const { rowIndex, columnIndex, row, column } = check.position;
  const raw = cell(rowIndex, columnIndex);
  const place = { sheetName, row, column };
  if (isBlankCell(raw)) {
    findings.push(createFinding('missing-label', place, { slots: { expected: check.expected } }));
  } else if (String(raw).trim() !== check.expected) {
    findings.push(createFinding('incorrect-label', place, { value: raw, slots: { expected: check.expected } }));
  }
}

/** Cells of the header block rows (between the title row and the header row) that the layout does not have. */
function checkExtraLayoutCells(compiled: CompiledSpec, values: readonly CellValue[][], sheetName: string, findings: Finding[]): void {
  const titleRowIndex = compiled.title.position.rowIndex;
  const headerRowIndex = compiled.spec.headerRow - 1;
  for (let rowIndex = titleRowIndex + 1; rowIndex < headerRowIndex && rowIndex < values.length; rowIndex++) {
    const rowValues = values[rowIndex] ?? EMPTY_ROW;
    for (let columnIndex = 0; columnIndex < rowValues.length; columnIndex++) {
      const raw = rowValues[columnIndex];
      if (!isBlankCell(raw) && !compiled.layoutCells.has(`${rowIndex}:${columnIndex}`)) {
        findings.push(createFinding('extra-label', { sheetName, row: rowIndex + 1, column: columnLetters(columnIndex) }, { value: raw ?? null }));
      }
    }
  }
}

function checkHeaderRow(
  compiled: CompiledSpec,
  cell: (rowIndex: number, columnIndex: number) => CellValue,
  values: readonly CellValue[][],
  sheetName: string,
  findings: Finding[],
): void {
  const rowIndex = compiled.spec.headerRow - 1;
  for (const c of compiled.columns) {
    checkLabel({ position: { row: rowIndex + 1, column: c.column.col, rowIndex, columnIndex: c.index }, expected: c.column.label }, cell, sheetName, findings);
  }
  const rowValues = values[rowIndex] ?? EMPTY_ROW;
  for (let columnIndex = 0; columnIndex < rowValues.length; columnIndex++) {
    if (compiled.byIndex[columnIndex]) continue;
    const raw = rowValues[columnIndex];
    if (!isBlankCell(raw)) {
      findings.push(createFinding('extra-label', { sheetName, row: rowIndex + 1, column: columnLetters(columnIndex) }, { value: raw ?? null }));
    }
  }
}

/** In a row that is not filled, a computed column holding a typed value has lost its formula. */
function checkUnfilledComputedCells(
  compiled: CompiledSpec,
  rowValues: readonly CellValue[],
  rowIndex: number,
  hasFormula: (rowIndex: number, columnIndex: number) => boolean,
  sheetName: string,
  findings: Finding[],
): void {
  for (const c of compiled.columns) {
    if (!c.computed) continue;
    const raw = rowValues[c.index];
    if (!isBlankCell(raw) && !hasFormula(rowIndex, c.index)) {
      findings.push(
        createFinding('computed-cell-overwritten', { sheetName, row: rowIndex + 1, column: c.column.col }, { value: raw ?? null, slots: { label: c.column.label } }),
      );
    }
  }
}

/** Sorts findings from `start` on by row, then column (stable), so that they read in sheet order. */
function sortByPlace(findings: Finding[], start: number): void {
  const tail = findings.splice(start).sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || compareColumns(a.column ?? '', b.column ?? ''));
  findings.push(...tail);
}

function compareColumns(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function joinLocalised(items: readonly LocalisedText[]): LocalisedText {
  return { zh: items.map((i) => i.zh).join(slotPhrases.listSeparator.zh), en: items.map((i) => i.en).join(slotPhrases.listSeparator.en) };
}
