import { createFinding } from '../../findings/create-finding';
import type { Finding } from '../../findings/types';
import type { CellValue, SheetGrid } from '../../grid/types';
import { templateFormulaAt } from '../../spec/template-formula-at';
import { columnLetters } from './cell-ref';
import { isBlankCell } from '../../normalise/is-blank-cell';
import type { CompiledSpec, LabelCheck } from './compile-spec';
import { cellAt, hasFormulaAt } from './grid-cells';

const EMPTY_ROW: readonly CellValue[] = [];

/**
 * Checks the sheet's structure: the labels of the title, the header block and the header row
 * (after trimming spaces), cells outside the layout in the header block and right of the header
 * row, and — when the grid knows its formulas — the formulas of the header block's computed cells
 * (a lost one carries the template's formula as its safe fix).
 */
export function checkLayout(compiled: CompiledSpec, grid: SheetGrid, findings: Finding[]): void {
  const sheetName = grid.sheetName;
  checkLabel(compiled.title, grid, findings);
  for (const field of compiled.headerFields) checkLabel(field.label, grid, findings);
  for (const computedCell of compiled.computedCells) checkLabel(computedCell.labelCheck, grid, findings);

  // The header block (rows between title and header row) holds only the layout's cells.
  const headerRowIndex = compiled.spec.headerRow - 1;
  for (let rowIndex = compiled.title.position.rowIndex + 1; rowIndex < headerRowIndex && rowIndex < grid.values.length; rowIndex++) {
    const rowValues = grid.values[rowIndex] ?? EMPTY_ROW;
    for (let columnIndex = 0; columnIndex < rowValues.length; columnIndex++) {
      const raw = rowValues[columnIndex];
      if (!isBlankCell(raw) && !compiled.layoutCells.has(`${rowIndex}:${columnIndex}`)) {
        findings.push(createFinding('extra-label', { sheetName, row: rowIndex + 1, column: columnLetters(columnIndex) }, { value: raw ?? null }));
      }
    }
  }

  // The header row: every column's label, nothing beside them.
  for (const c of compiled.columns) {
    checkLabel(
      { position: { row: headerRowIndex + 1, column: c.column.col, rowIndex: headerRowIndex, columnIndex: c.index }, expected: c.column.label },
      grid,
      findings,
    );
  }
  const headerValues = grid.values[headerRowIndex] ?? EMPTY_ROW;
  for (let columnIndex = 0; columnIndex < headerValues.length; columnIndex++) {
    const raw = headerValues[columnIndex];
    if (!compiled.byIndex[columnIndex] && !isBlankCell(raw)) {
      findings.push(createFinding('extra-label', { sheetName, row: headerRowIndex + 1, column: columnLetters(columnIndex) }, { value: raw ?? null }));
    }
  }

  // Computed cells of the header block keep their formulas (known only when the grid has formulas).
  if (!grid.formulas) return;
  for (const computedCell of compiled.computedCells) {
    const { rowIndex, columnIndex, row, column } = computedCell.value;
    if (hasFormulaAt(grid, rowIndex, columnIndex)) continue;
    const raw = cellAt(grid, rowIndex, columnIndex);
    const blank = isBlankCell(raw);
    findings.push(
      createFinding('computed-cell-overwritten', { sheetName, row, column }, {
        value: blank ? null : raw,
        fix: templateFormulaAt(compiled.spec, row, column),
        variant: blank ? 'removed' : 'default',
        slots: { label: computedCell.label },
      }),
    );
  }
}

function checkLabel(check: LabelCheck, grid: SheetGrid, findings: Finding[]): void {
  const { rowIndex, columnIndex, row, column } = check.position;
  const raw = cellAt(grid, rowIndex, columnIndex);
  const place = { sheetName: grid.sheetName, row, column };
  if (isBlankCell(raw)) {
    findings.push(createFinding('missing-label', place, { slots: { expected: check.expected } }));
  } else if (String(raw).trim() !== check.expected) {
    findings.push(createFinding('incorrect-label', place, { value: raw, slots: { expected: check.expected } }));
  }
}
