/**
 * One worksheet part into a SheetGrid, streaming: cells as the grid contract has them (see
 * readWorkbook), shared formulas expanded, merged-away cells left empty, the caps checked per cell
 * and per row as they are met.
 */
import type { CellValue, SheetGrid } from '../../grid/types';
import { WorkbookReadError } from '../workbook-read-error';
import { decodeEscapes } from './read-package-parts';
import type { ReadBudget } from './read-budget';
import { parseXmlPart, type XmlTag } from './parse-xml-part';
import { slideFormula, type CellPosition } from './slide-formula';
import type { ZipDirectory } from './zip-directory';

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;
const MS_PER_DAY = 86_400_000;
/** Days from the 1900 date system's day 0 to 1970-01-01 (includes Excel's fictitious 1900-02-29). */
const EPOCH_OFFSET_DAYS = 25569;
/** Days between the 1904 and the 1900 date systems. */
const DAYS_1904 = 1462;
/** The largest time a JavaScript Date holds, in ms. */
const MAX_DATE_MS = 8.64e15;

export interface WorksheetContext {
  sheetName: string;
  sharedStrings: readonly (string | null)[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** What a `<c>` element holds, gathered until its end tag. */
interface PendingCell {
  row: number;
  col: number;
  type: string | undefined;
  style: number;
  value: string | undefined;
  formula: string | undefined;
  shareType: string | undefined;
  shareIndex: string | undefined;
  shareRef: string | undefined;
  inlineText: string | undefined;
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A date-formatted number as ExcelJS hands it over (a Date built from the serial, turned back into a
 * 1900-system serial by dateToExcelSerial): rounded to the millisecond, 1904 serials moved to 1900.
 * The arithmetic is ExcelJS's, step for step, so both give the same floating-point number.
 */
export function dateCellSerial(value: number, date1904: boolean): number {
  const ms = Math.round((value - EPOCH_OFFSET_DAYS + (date1904 ? DAYS_1904 : 0)) * 24 * 3600 * 1000);
  if (!(Math.abs(ms) <= MAX_DATE_MS)) return value;
  const serial = ms / MS_PER_DAY + EPOCH_OFFSET_DAYS;
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

/** An ISO 8601 date cell (`t="d"`) as a 1900-system serial; undefined when it is not one. */
function isoCellSerial(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) + Number(m[6] ?? 0) * 1000;
  return Number.isFinite(ms) ? Math.round((ms / MS_PER_DAY + EPOCH_OFFSET_DAYS) * MS_PER_DAY) / MS_PER_DAY : undefined;
}

/** `A1` → { row: 1, col: 1 }, or undefined when it is not a cell reference; beyond XFD1048576 is for the caller to refuse. */
export function parseCellAddress(address: string): CellPosition | undefined {
  let at = 0;
  let col = 0;
  for (; at < address.length && at < 8; at++) {
    const code = address.charCodeAt(at) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    col = col * 26 + (code - 0x60);
  }
  if (at === 0 || at === address.length) return undefined;
  // Digits only, as Excel writes them, without a substring; anything else (spaces, 1e3) as Number reads it.
  let row = 0;
  for (let i = at; i < address.length; i++) {
    const digit = address.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) {
      row = Number(address.slice(at));
      break;
    }
    row = row * 10 + digit;
  }
  if (!Number.isInteger(row) || row < 1) return undefined;
  return { row, col };
}

function parseCellAddressText(address: string | undefined): CellPosition | undefined {
  return address === undefined ? undefined : parseCellAddress(address);
}

const LETTER_A = 0x61;
const LETTER_Z = 0x7a;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** A cell reference of plain ASCII letters then digits (`B7`), read from its bytes as parseCellAddress reads it; undefined for any other form. */
export function plainCellAddress(bytes: Uint8Array, start: number, end: number): CellPosition | undefined {
  let at = start;
  let col = 0;
  for (; at < end && at < start + 8; at++) {
    const code = bytes[at] | 0x20;
    if (code < LETTER_A || code > LETTER_Z) break;
    col = col * 26 + (code - 0x60);
  }
  if (at === start || at === end) return undefined;
  let row = 0;
  for (; at < end; at++) {
    const code = bytes[at];
    if (code < DIGIT_0 || code > DIGIT_9) return undefined;
    row = row * 10 + (code - DIGIT_0);
  }
  return row < 1 ? undefined : { row, col };
}

/** A number of 1 to 9 ASCII digits (a style index), read from its bytes; undefined for any other form. */
function plainInteger(bytes: Uint8Array, start: number, end: number): number | undefined {
  if (end <= start || end - start > 9) return undefined;
  let value = 0;
  for (let at = start; at < end; at++) {
    const code = bytes[at];
    if (code < DIGIT_0 || code > DIGIT_9) return undefined;
    value = value * 10 + (code - DIGIT_0);
  }
  return value;
}

function parseRange(ref: string): Range | undefined {
  const [first, second = first] = ref.split(':');
  const a = parseCellAddress(first.replace(/\$/g, ''));
  const b = parseCellAddress(second.replace(/\$/g, ''));
  if (!a || !b || Math.max(a.row, b.row) > MAX_ROW || Math.max(a.col, b.col) > MAX_COLUMN) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function corrupt(sheetName: string, detail: string): WorkbookReadError {
  return new WorkbookReadError('corrupt', `${sheetName}: ${detail}`);
}

export async function readWorksheet(bytes: Uint8Array, zip: ZipDirectory, budget: ReadBudget, part: string, context: WorksheetContext): Promise<SheetGrid> {
  const entry = zip.find(part);
  if (!entry) throw corrupt(context.sheetName, `${part} is missing`);
  const { sheetName, sharedStrings, dateStyles, date1904 } = context;

  // Sparse while reading: undefined is "no such cell", null in formulas is "a formula cell without formula text".
  const values: (CellValue | undefined)[][] = [];
  const formulas: (string | null | undefined)[][] = [];
  const sharedMasters = new Map<string, { position: CellPosition; formula: string }>();
  const merges: Range[] = [];
  const hyperlinkCells: string[] = [];
  /** The last row ExcelJS would list: one holding a cell with a value, a formula, or a cell without style. */
  let lastRow = 0;

  let rowNumber = 0;
  let nextCol = 1;
  let rowsWithContent = 0;
  let rowHasContent = false;
  const pendingCell: PendingCell = {
    row: 0,
    col: 0,
    type: undefined,
    style: 0,
    value: undefined,
    formula: undefined,
    shareType: undefined,
    shareIndex: undefined,
    shareRef: undefined,
    inlineText: undefined,
  };
  /** The `<c>` being read (always pendingCell), or undefined outside one. */
  let cell: PendingCell | undefined;
  /** Which text goes where: the value, the formula, an inline string's text (outside phonetic runs). */
  let textTarget: 'v' | 'f' | 't' | undefined;
  let inInline = false;
  let phonetic = 0;

  const finishCell = (c: PendingCell) => {
    const isFormula = Boolean(c.formula) || c.shareType !== undefined;
    let value: CellValue = null;
    let hasValue = false;
    const raw = c.value;
    if (isFormula) {
      if (raw !== undefined && raw !== '') value = typedValue(c, raw);
    } else if (c.type === 'inlineStr') {
      if (c.inlineText !== undefined && c.inlineText !== '') {
        value = decodeEscapes(c.inlineText);
        hasValue = true;
      }
    } else if (raw !== undefined && raw !== '') {
      value = typedValue(c, raw);
      hasValue = true;
    }
    const row = c.row - 1;
    const col = c.col - 1;
    if (value !== null) (values[row] ??= [])[col] = value;
    if (isFormula) {
      let formula: string | null = c.formula || null;
      if (c.shareType === 'shared' && c.shareIndex !== undefined) {
        if (c.shareRef !== undefined && formula !== null) {
          sharedMasters.set(c.shareIndex, { position: { row: c.row, col: c.col }, formula });
        } else if (c.shareRef === undefined) {
          const master = sharedMasters.get(c.shareIndex);
          formula = master ? slideFormula(master.formula, master.position, { row: c.row, col: c.col }) : null;
        }
      }
      (formulas[row] ??= [])[col] = formula;
    }
    if (isFormula || hasValue || c.style === 0) lastRow = Math.max(lastRow, c.row);
  };

  const typedValue = (c: PendingCell, raw: string): CellValue => {
    switch (c.type) {
      case 's': {
        const text = sharedStrings[parseInt(raw, 10)];
        return text === undefined ? null : text;
      }
      case 'str':
      case 'inlineStr':
        return raw;
      case 'b':
        return parseInt(raw, 10) !== 0;
      case 'e':
        return raw;
      case 'd':
        return isoCellSerial(raw) ?? raw;
      default: {
        const number = parseFloat(raw);
        // ExcelJS gives style 0 no number format: its numbers stay numbers.
        return c.style > 0 && dateStyles[c.style] === true ? dateCellSerial(number, date1904) : number;
      }
    }
  };

  const openCell = (tag: XmlTag) => {
    budget.spendCell();
    const t = tag.attribute('t');
    let row = rowNumber;
    let col = nextCol;
    // A reference that is not one (or none) leaves the cell where the one before it ends, as Excel does.
    // Read from the bytes when it is letters and digits (as every writer writes it), else from its text.
    const position = tag.attributeFrom('r', plainCellAddress) ?? parseCellAddressText(tag.attribute('r'));
    if (position) ({ row, col } = position);
    if (col > MAX_COLUMN || row > MAX_ROW) throw corrupt(sheetName, `cell ${tag.attribute('r')} beyond XFD1048576`);
    if (row < 1) row = rowNumber = 1;
    nextCol = col + 1;
    // One object for every cell of the sheet: a million cells make no garbage here.
    cell = pendingCell;
    cell.row = row;
    cell.col = col;
    cell.type = t;
    cell.style = tag.attributeFrom('s', plainInteger) ?? (parseInt(tag.attribute('s') ?? '', 10) || 0);
    cell.value = undefined;
    cell.formula = undefined;
    cell.shareType = undefined;
    cell.shareIndex = undefined;
    cell.shareRef = undefined;
    cell.inlineText = undefined;
    if (!tag.isSelfClosing && !rowHasContent) {
      rowHasContent = true;
      budget.checkRows(sheetName, ++rowsWithContent);
    }
    if (tag.isSelfClosing) {
      finishCell(cell);
      cell = undefined;
    }
  };

  await parseXmlPart(bytes, entry, budget, {
    open(name, tag) {
      switch (name) {
        case 'row': {
          const r = tag.attribute('r');
          const number = r === undefined ? rowNumber + 1 : Number(r);
          if (!Number.isInteger(number) || number < 1 || number > MAX_ROW) throw corrupt(sheetName, `row number ${r}`);
          rowNumber = number;
          nextCol = 1;
          rowHasContent = false;
          return;
        }
        case 'c':
          openCell(tag);
          return;
        case 'v':
          if (cell) textTarget = 'v';
          return;
        case 'f':
          if (!cell) return;
          textTarget = 'f';
          cell.shareType = tag.attribute('t');
          cell.shareIndex = tag.attribute('si');
          cell.shareRef = tag.attribute('ref');
          return;
        case 'is':
          inInline = true;
          return;
        case 'rPh':
          phonetic++;
          return;
        case 't':
          if (cell && inInline && phonetic === 0) {
            textTarget = 't';
            cell.inlineText ??= '';
          }
          return;
        case 'mergeCell': {
          const range = tag.attributes.ref ? parseRange(tag.attributes.ref) : undefined;
          if (range) merges.push(range);
          return;
        }
        case 'hyperlink':
          // ExcelJS turns a cell with an external link into a hyperlink value: its text, no formula.
          if (tag.attributes.ref && Object.keys(tag.attributes).some((key) => key.endsWith(':id'))) hyperlinkCells.push(tag.attributes.ref);
          return;
        default:
          return;
      }
    },
    wantsText: () => textTarget !== undefined,
    text(text) {
      if (textTarget === undefined || !cell) return;
      if (textTarget === 'v') cell.value = cell.value === undefined ? text : cell.value + text;
      else if (textTarget === 'f') cell.formula = cell.formula === undefined ? text : cell.formula + text;
      else cell.inlineText += text;
    },
    close(name) {
      switch (name) {
        case 'v':
        case 'f':
        case 't':
          textTarget = undefined;
          return;
        case 'is':
          inInline = false;
          return;
        case 'rPh':
          phonetic--;
          return;
        case 'c':
          if (cell) finishCell(cell);
          cell = undefined;
          textTarget = undefined;
          return;
        default:
          return;
      }
    },
  });

  for (const address of hyperlinkCells) {
    const position = parseCellAddress(address);
    if (position) {
      const row = formulas[position.row - 1];
      if (row && row[position.col - 1] !== undefined) row[position.col - 1] = undefined;
    }
  }
  for (const range of merges) {
    if (range.bottom > range.top || range.right > range.left) lastRow = Math.max(lastRow, range.bottom);
    for (let r = range.top; r <= range.bottom; r++) {
      const valueRow = values[r - 1];
      const formulaRow = formulas[r - 1];
      if (!valueRow && !formulaRow) continue;
      for (let c = range.left; c <= range.right; c++) {
        if (r === range.top && c === range.left) continue;
        if (valueRow) valueRow[c - 1] = undefined;
        if (formulaRow) formulaRow[c - 1] = undefined;
      }
    }
  }
  return { sheetName, values: denseRows(values, lastRow, budget), formulas: denseRows(formulas, lastRow, budget) };
}

/**
 * Rows 1..lastRow, each as long as its last defined cell, with null in the gaps and no row missing.
 * Made in place, not copied: a copy of a million-cell grid was most of the read's garbage.
 */
function denseRows<T>(rows: (T | null | undefined)[][], lastRow: number, budget: ReadBudget): (T | null)[][] {
  rows.length = lastRow;
  for (let r = 0; r < lastRow; r++) {
    const row = rows[r];
    if (!row) {
      // An empty row costs a slot too: a merge or a cell far down makes many of them.
      budget.spendSlots(1);
      rows[r] = [];
      continue;
    }
    let length = row.length;
    while (length > 0 && row[length - 1] === undefined) length--;
    // Counted before the gaps are filled: a cell in column XFD costs its row's 16,384 slots here.
    budget.spendSlots(Math.max(length, 1));
    row.length = length;
    for (let c = 0; c < length; c++) if (row[c] === undefined) row[c] = null;
  }
  return rows as (T | null)[][];
}
