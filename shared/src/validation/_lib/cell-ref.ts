/** Zero-based index of column letters (A → 0, Z → 25, AA → 26). */
export function columnIndex(letters: string): number {
  let index = 0;
  for (let i = 0; i < letters.length; i++) index = index * 26 + (letters.charCodeAt(i) - 64);
  return index - 1;
}

/** Column letters of a zero-based index (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let letters = '';
  let n = index + 1;
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const CELL_REF = /^([A-Z]{1,3})([1-9][0-9]*)$/;

/** A1 reference as 1-based row, column letters and zero-based indexes. */
export interface CellPosition {
  row: number;
  column: string;
  rowIndex: number;
  columnIndex: number;
}

/** Reads an A1 reference such as `B2`; throws on anything else (specs are checked before they get here). */
export function parseCellRef(ref: string): CellPosition {
  const match = CELL_REF.exec(ref);
  if (!match) throw new Error(`not a cell reference: ${ref}`);
  const row = Number(match[2]);
  return { row, column: match[1], rowIndex: row - 1, columnIndex: columnIndex(match[1]) };
}
