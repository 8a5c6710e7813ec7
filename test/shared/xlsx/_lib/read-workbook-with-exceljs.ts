import ExcelJS from 'exceljs';
import type { Cell, CellValue as ExcelCellValue, Worksheet } from 'exceljs';
import { IDENTITY_SHEET_NAME, type CellValue, type SheetGrid, type SheetIdentity, type WorkbookGrid } from '#shared/grid/types';
import { toBuffer } from '#shared/xlsx/_lib/bytes';
import { dateToExcelSerial } from '#shared/xlsx/_lib/excel-date';
import { WorkbookReadError } from '#shared/xlsx/workbook-read-error';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The oracle of the reader's corpus test: the ExcelJS-based reader the product used before the
 * streaming one (shared/src/xlsx/read), kept as it was but without the caps. It loads the whole
 * workbook model with ExcelJS, then reads: every sheet's values (dates as Excel serials of
 * the 1900 system, rich text as plain text, formula cells as their cached result or null, errors as
 * their text) and formulas, and the template identities of `_pts_meta` (not itself returned as a sheet).
 * Throws WorkbookReadError when the bytes are not a readable .xlsx.
 */
export async function readWorkbookWithExcelJS(bytes: Uint8Array): Promise<WorkbookGrid> {
  rejectNonZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS types its own `Buffer` (an ArrayBuffer); at run time it takes a Node Buffer.
    await workbook.xlsx.load(toBuffer(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new WorkbookReadError('corrupt', error instanceof Error ? error.message : String(error));
  }
  const worksheets = workbook.worksheets;
  if (worksheets.length === 0) throw new WorkbookReadError(hasWorkbookPart(bytes) ? 'empty' : 'not-xlsx');

  const sheets: SheetGrid[] = [];
  let identities: SheetIdentity[] = [];
  for (const worksheet of worksheets) {
    if (worksheet.name === IDENTITY_SHEET_NAME) identities = readIdentities(worksheet);
    else sheets.push(readSheet(worksheet));
  }
  return { sheets, identities };
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** An .xlsx is a zip; an encrypted .xlsx or an old .xls is an OLE compound file. */
function rejectNonZip(bytes: Uint8Array): void {
  if (startsWith(bytes, ZIP_MAGIC)) return;
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new WorkbookReadError(containsUtf16(bytes, 'EncryptedPackage') ? 'encrypted' : 'legacy-xls');
  }
  throw new WorkbookReadError('not-xlsx');
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  return indexOf(bytes, needle) >= 0;
}

function hasWorkbookPart(bytes: Uint8Array): boolean {
  return indexOf(bytes, new TextEncoder().encode('xl/workbook.xml')) >= 0;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = haystack.indexOf(first); i >= 0 && i <= last; i = haystack.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function readSheet(worksheet: Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const rowValues: CellValue[] = [];
    let rowFormulas: (string | null)[] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      if (cell.type === ExcelJS.ValueType.Formula) {
        rowFormulas ??= [];
        rowFormulas[colNumber - 1] = cell.formula ?? null;
      }
      const value = toCellValue(cell);
      if (value !== null) rowValues[colNumber - 1] = value;
    });
    values[rowNumber - 1] = fillHoles(rowValues);
    if (rowFormulas) formulas[rowNumber - 1] = fillHoles(rowFormulas);
  });
  for (let r = 0; r < values.length; r++) {
    values[r] ??= [];
    formulas[r] ??= [];
  }
  return { sheetName: worksheet.name, values, formulas };
}

/** Sparse arrays become dense ones with null in the gaps, so callers never meet `undefined`. */
function fillHoles<T>(row: (T | null)[]): (T | null)[] {
  for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  return row;
}

function toCellValue(cell: Cell): CellValue {
  return plainValue(cell.value);
}

function plainValue(value: ExcelCellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    default:
      break;
  }
  if (value instanceof Date) return dateToExcelSerial(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return plainValue((value as { result?: ExcelCellValue }).result);
  }
  if ('hyperlink' in value) return plainValue(value.text as ExcelCellValue);
  if ('error' in value) return value.error;
  return null;
}

function readIdentities(worksheet: Worksheet): SheetIdentity[] {
  const identities: SheetIdentity[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    const sheetName = plainValue(row.getCell(1).value);
    const id = plainValue(row.getCell(2).value);
    const version = Number(plainValue(row.getCell(3).value));
    if (typeof sheetName === 'string' && typeof id === 'string' && Number.isInteger(version) && version > 0) {
      identities.push({ sheetName: sheetName.trim(), id: id.trim(), version });
    }
  });
  return identities;
}
