/** A1 addresses: column letters to numbers and back, sheet-qualified addresses split. */

/** 'A' -> 1, 'Z' -> 26, 'AA' -> 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1 -> 'A', 27 -> 'AA'. */
export function columnLetters(n: number): string {
  let s = '';
  let rest = n;
  while (rest > 0) {
    const m = (rest - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    rest = Math.floor((rest - 1) / 26);
  }
  return s;
}

export interface CellRef {
  sheet: string | null;
  col: string;
  row: number;
}

/** Splits `邀约明细!K12`, `'My sheet'!K12` or `K12`; null when it is not a single cell. */
export function parseCellAddress(address: string): CellRef | null {
  const bang = address.lastIndexOf('!');
  const sheetPart = bang >= 0 ? address.slice(0, bang) : null;
  const cellPart = bang >= 0 ? address.slice(bang + 1) : address;
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]*)$/.exec(cellPart.trim());
  if (!m) return null;
  const sheet = sheetPart === null ? null : sheetPart.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return { sheet, col: m[1].toUpperCase(), row: Number(m[2]) };
}

/** The A1 address of a rectangle given by its top-left cell and size. */
export function rangeAddress(col: string, row: number, width: number, height: number): string {
  const last = columnLetters(columnNumber(col) + width - 1);
  return width === 1 && height === 1 ? `${col}${row}` : `${col}${row}:${last}${row + height - 1}`;
}

/** Quotes a sheet name for a formula or range address when needed. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
