/**
 * Reads .xlsx bytes into a WorkbookGrid with the streaming reader: the zip's directory, then only
 * the parts the grid needs (workbook, its relationships, shared strings, styles, the worksheets),
 * each inflated and tokenized as it streams, every cap checked on the way.
 */
import { IDENTITY_SHEET_NAME, type CellValue, type SheetGrid, type SheetIdentity, type WorkbookGrid } from '../../grid/types';
import type { WorkbookReadLimits } from '../workbook-limits';
import { WorkbookReadError } from '../workbook-read-error';
import { ReadBudget, formatBytes, unpackedOverCap } from './read-budget';
import { findWorkbookPart, readDateStyles, readSharedStrings, readWorkbookPart, resolveTarget } from './read-package-parts';
import { readWorksheet } from './read-worksheet';
import { readZipDirectory } from './zip-directory';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function readWorkbookGrid(bytes: Uint8Array, limits: WorkbookReadLimits): Promise<WorkbookGrid> {
  rejectNonZip(bytes);
  const zip = readZipDirectory(bytes, limits);
  let declared = 0;
  for (const entry of zip.entries) declared += entry.declaredSize;
  if (declared > limits.maxUnpackedBytes) {
    throw unpackedOverCap({ zh: `${formatBytes(declared)}（按压缩包的声明）`, en: `${formatBytes(declared)} (as the zip declares)` }, limits);
  }
  const budget = new ReadBudget(limits);
  const workbookPart = await findWorkbookPart(bytes, zip, budget);
  if (!workbookPart) throw new WorkbookReadError('not-xlsx');
  const workbook = await readWorkbookPart(bytes, zip, budget, workbookPart);
  const worksheets = workbook.sheets.filter((sheet) => sheet.part !== undefined && zip.find(sheet.part) !== undefined);
  if (worksheets.length === 0) throw new WorkbookReadError('empty');

  const partOf = (typeSuffix: string, usual: string): string | undefined => {
    for (const rel of workbook.rels.values()) if (rel.type.endsWith(typeSuffix) && !rel.external) return resolveTarget(workbook.folder, rel.target);
    return zip.find(workbook.folder + usual) ? workbook.folder + usual : undefined;
  };
  const sharedStrings = await readSharedStrings(bytes, zip, budget, partOf('/sharedStrings', 'sharedStrings.xml'));
  const dateStyles = await readDateStyles(bytes, zip, budget, partOf('/styles', 'styles.xml'));

  const sheets: SheetGrid[] = [];
  let identities: SheetIdentity[] = [];
  for (const sheet of worksheets) {
    const grid = await readWorksheet(bytes, zip, budget, sheet.part as string, { sheetName: sheet.name, sharedStrings, dateStyles, date1904: workbook.date1904 });
    if (sheet.name === IDENTITY_SHEET_NAME) identities = readIdentities(grid);
    else sheets.push(grid);
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
  const first = needle[0];
  const last = bytes.length - needle.length;
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Rows of [sheet name, template id, version] in the identity sheet. */
function readIdentities(grid: SheetGrid): SheetIdentity[] {
  const identities: SheetIdentity[] = [];
  for (const row of grid.values) {
    const [sheetName, id, versionValue]: (CellValue | undefined)[] = row;
    const version = Number(versionValue ?? null);
    if (typeof sheetName === 'string' && typeof id === 'string' && Number.isInteger(version) && version > 0) {
      identities.push({ sheetName: sheetName.trim(), id: id.trim(), version });
    }
  }
  return identities;
}
