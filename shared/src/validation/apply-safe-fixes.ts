import type { Finding } from '../findings/types';
import type { CellValue, SheetGrid } from '../grid/types';
import { columnIndex } from './_lib/cell-ref';
import { isFormulaFix } from './is-formula-fix';

/**
 * Writes the safe fixes of the findings into a copy of the grid: every finding of this sheet that
 * stands at a cell and carries a fix (a value that only needed normalising: 30万 → 300000,
 * 2026年12月8日 → '2026-12-08', Y → '是'), or the template's formula of a computed cell that lost
 * it (isFormulaFix: the formula goes into `formulas`, the value is empty until the spreadsheet
 * computes it). Pure: the grid given is not changed; untouched rows are shared with it. Returns the
 * new grid and the findings applied.
 */
export function applySafeFixes(grid: SheetGrid, findings: Finding[]): { grid: SheetGrid; applied: Finding[] } {
  const values: CellValue[][] = grid.values.slice();
  const formulas: (string | null)[][] | undefined = grid.formulas?.slice();
  const copied = new Set<number>();
  const copiedFormulas = new Set<number>();
  const applied: Finding[] = [];
  for (const finding of findings) {
    if (finding.fix === null || finding.row === undefined || finding.column === undefined) continue;
    if (finding.address !== `${grid.sheetName}!${finding.column}${finding.row}`) continue;
    const rowIndex = finding.row - 1;
    if (!copied.has(rowIndex)) {
      values[rowIndex] = (values[rowIndex] ?? []).slice();
      copied.add(rowIndex);
    }
    const index = columnIndex(finding.column);
    if (isFormulaFix(finding)) {
      if (!formulas) continue;
      if (!copiedFormulas.has(rowIndex)) {
        formulas[rowIndex] = (formulas[rowIndex] ?? []).slice();
        copiedFormulas.add(rowIndex);
      }
      for (let c = formulas[rowIndex].length; c < index; c++) formulas[rowIndex][c] = null;
      formulas[rowIndex][index] = finding.fix;
      values[rowIndex][index] = null;
    } else {
      values[rowIndex][index] = finding.fix;
    }
    applied.push(finding);
  }
  for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = [];
  if (formulas) for (let i = 0; i < formulas.length; i++) if (formulas[i] === undefined) formulas[i] = [];
  const fixed: SheetGrid = formulas ? { ...grid, values, formulas } : { ...grid, values };
  return { grid: fixed, applied };
}
