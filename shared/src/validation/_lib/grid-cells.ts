import type { CellValue, SheetGrid } from '../../grid/types';

/** The value at zero-based row and column of the grid; null for a cell beyond a ragged row. */
export function cellAt(grid: SheetGrid, rowIndex: number, columnIndex: number): CellValue {
  return grid.values[rowIndex]?.[columnIndex] ?? null;
}

/** True when the grid knows a formula at the cell (with or without its leading '='). */
export function hasFormulaAt(grid: SheetGrid, rowIndex: number, columnIndex: number): boolean {
  const formula = grid.formulas?.[rowIndex]?.[columnIndex];
  if (typeof formula !== 'string') return false;
  const text = formula.trim();
  return text !== '' && text !== '=';
}
