/**
 * The formula of a cell that shares the formula of another (`<f t="shared" si="0"/>`): the master's
 * formula with its relative references moved by the distance between the two cells. References
 * are found as ExcelJS finds them (a cell reference not followed by `(`), outside quoted text.
 */
const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REFERENCE = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;
const MAX_COLUMN = 16_384;

export interface CellPosition {
  /** 1-based. */
  row: number;
  /** 1-based. */
  col: number;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n;
}

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function slideFormula(formula: string, from: CellPosition, to: CellPosition): string {
  // Split on quoted text ("…" strings, '…' sheet names): only the parts between are formula syntax.
  return formula.replace(/("(?:[^"]|"")*"|'(?:[^']|'')*')|[^"']+/g, (part, quoted: string | undefined) => (quoted ? part : slidePart(part, from, to)));
}

function slidePart(text: string, from: CellPosition, to: CellPosition): string {
  return text.replace(CANDIDATE, (match: string, sheet: string | undefined, _sheetName: string, address: string, paren: string | undefined) => {
    if (paren) return match;
    const cell = CELL_REFERENCE.exec(address);
    if (!cell) return match;
    const [, colDollar, colText, rowDollar, rowText] = cell;
    const letters = colText.toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return match;
    let col = columnNumber(letters);
    let row = parseInt(rowText, 10);
    if (!colDollar) col += to.col - from.col;
    if (!rowDollar) row += to.row - from.row;
    if (col < 1 || col > MAX_COLUMN || row < 1) return match;
    return `${sheet ?? ''}${colDollar ?? ''}${columnLetters(col)}${rowDollar ?? ''}${row}`;
  });
}
