/**
 * Rewrites single `<c>` elements of a worksheet part's XML as text, leaving every other byte of the
 * part as it was: the rows and cells around them, merged cells, drop-downs, protection, extensions.
 */
import { WorkbookReadError } from '../../workbook-read-error';
import { attributeOf, withoutAttribute } from './xml-text';

/** A cell as it stands in the sheet before the patch. */
export interface ExistingCell {
  /** The cell's style index (`s`), when it has one. */
  style: number | undefined;
}

/** One cell to write: its A1 reference and the `<c>` element to put there, built from what stood there (undefined: no such cell). */
export interface CellPatch {
  ref: string;
  element(existing: ExistingCell | undefined): string;
}

const ROW_TAG = /<row\b[^>]*>/g;
const CELL = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
const CELL_REF = /^([A-Z]{1,3})(\d+)$/;

/** The 1-based index of column letters (A = 1, XFD = 16384). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

interface Target {
  patch: CellPatch;
  row: number;
  column: number;
}

/**
 * The sheet XML with each patched cell's `<c>` replaced, or created in column order in its row (the
 * `<row>` created in row order when absent). Rows and cells without an `r` count on from the one before,
 * as the format allows.
 */
export function patchSheetCells(xml: string, patches: readonly CellPatch[]): string {
  if (patches.length === 0) return xml;
  // One write per cell: the last one given.
  const lastByRef = new Map(patches.map((patch) => [patch.ref, patch]));
  const targets = [...lastByRef.values()].map((patch): Target => {
    const match = CELL_REF.exec(patch.ref);
    if (!match) throw new Error(`not a cell reference: ${patch.ref}`);
    return { patch, row: Number(match[2]), column: columnNumber(match[1]) };
  });
  targets.sort((a, b) => a.row - b.row || a.column - b.column);
  const byRow = new Map<number, Target[]>();
  for (const target of targets) {
    const list = byRow.get(target.row);
    if (list) list.push(target);
    else byRow.set(target.row, [target]);
  }

  const open = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new WorkbookReadError('corrupt', 'worksheet without <sheetData>');
  if (open[1] === '/') {
    const rows = [...byRow].map(([row, cells]) => newRow(row, cells)).join('');
    return `${xml.slice(0, open.index)}<sheetData>${rows}</sheetData>${xml.slice(open.index + open[0].length)}`;
  }
  const contentStart = open.index + open[0].length;
  const contentEnd = xml.indexOf('</sheetData>', contentStart);
  if (contentEnd < 0) throw new WorkbookReadError('corrupt', 'worksheet <sheetData> not closed');

  const out: string[] = [];
  let cursor = 0;
  let previousRow = 0;
  ROW_TAG.lastIndex = contentStart;
  let rowTag = nextRowTag(xml, contentEnd);
  let rowNumber = rowTag ? rowNumberOf(rowTag[0], previousRow) : 0;
  for (const [row, cells] of byRow) {
    while (rowTag && rowNumber < row) {
      previousRow = rowNumber;
      rowTag = nextRowTag(xml, contentEnd);
      rowNumber = rowTag ? rowNumberOf(rowTag[0], previousRow) : 0;
    }
    if (rowTag && rowNumber === row) {
      const tag = rowTag[0];
      const tagEnd = rowTag.index + tag.length;
      const selfClosing = tag.endsWith('/>');
      const close = selfClosing ? tagEnd : xml.indexOf('</row>', tagEnd);
      if (close < 0 || close > contentEnd) throw new WorkbookReadError('corrupt', `worksheet row ${row} not closed`);
      const inner = selfClosing ? '' : xml.slice(tagEnd, close);
      const { content, added } = patchRowContent(inner, cells);
      // spans only hints at the row's first and last cells; a cell added outside it would contradict it.
      const startTag = (added ? withoutAttribute(tag, 'spans') : tag).replace(/\s*\/>$/, '>');
      out.push(xml.slice(cursor, rowTag.index), startTag, content, '</row>');
      cursor = selfClosing ? tagEnd : close + '</row>'.length;
      ROW_TAG.lastIndex = cursor;
      previousRow = rowNumber;
      rowTag = nextRowTag(xml, contentEnd);
      rowNumber = rowTag ? rowNumberOf(rowTag[0], previousRow) : 0;
    } else {
      const insertAt = rowTag ? rowTag.index : contentEnd;
      out.push(xml.slice(cursor, insertAt), newRow(row, cells));
      cursor = insertAt;
    }
  }
  out.push(xml.slice(cursor));
  return out.join('');
}

function nextRowTag(xml: string, contentEnd: number): RegExpExecArray | null {
  const match = ROW_TAG.exec(xml);
  return match && match.index < contentEnd ? match : null;
}

const ROW_NUMBER = /\sr\s*=\s*["'](\d+)["']/;

function rowNumberOf(tag: string, previous: number): number {
  const r = ROW_NUMBER.exec(tag);
  return r ? Number(r[1]) : previous + 1;
}

function newRow(row: number, cells: readonly Target[]): string {
  return `<row r="${row}">${cells.map((c) => c.patch.element(undefined)).join('')}</row>`;
}

function patchRowContent(inner: string, targets: readonly Target[]): { content: string; added: boolean } {
  const out: string[] = [];
  let cursor = 0;
  let previousColumn = 0;
  let added = false;
  let next = 0;
  CELL.lastIndex = 0;
  for (let cell = CELL.exec(inner); cell && next < targets.length; cell = CELL.exec(inner)) {
    const startTag = /^<c\b[^>]*?\/?>/.exec(cell[0])![0];
    const ref = attributeOf(startTag, 'r');
    const refMatch = ref !== undefined ? CELL_REF.exec(ref) : null;
    const column = refMatch ? columnNumber(refMatch[1]) : previousColumn + 1;
    previousColumn = column;
    while (next < targets.length && targets[next].column < column) {
      out.push(inner.slice(cursor, cell.index), targets[next].patch.element(undefined));
      cursor = cell.index;
      added = true;
      next++;
    }
    if (next < targets.length && targets[next].column === column) {
      const style = attributeOf(startTag, 's');
      out.push(inner.slice(cursor, cell.index), targets[next].patch.element({ style: style !== undefined ? Number(style) : undefined }));
      cursor = cell.index + cell[0].length;
      next++;
    }
  }
  // Cells after the last one of the row, before whatever else the row holds (an extLst).
  const tail = inner.slice(cursor);
  const rest = targets.slice(next);
  if (rest.length === 0) return { content: out.join('') + tail, added };
  const extension = tail.search(/<extLst\b/);
  const at = extension >= 0 ? extension : tail.length;
  out.push(tail.slice(0, at), ...rest.map((t) => t.patch.element(undefined)), tail.slice(at));
  return { content: out.join(''), added: true };
}

const CACHED_RESULT = /(<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>)\s*<v\b[^>]*(?:\/>|>[^<]*<\/v>)/g;

/**
 * The sheet XML without the cached result (`<v>`) of any formula cell: every spreadsheet then
 * computes them on opening (LibreOffice ignores fullCalcOnLoad and would show the stale totals).
 */
export function dropCachedResults(xml: string): string {
  return xml.replace(CACHED_RESULT, '$1');
}
