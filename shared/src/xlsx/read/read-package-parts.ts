/**
 * The small parts a workbook's sheets depend on: where the workbook part is (_rels/.rels), its sheet
 * list and date system (workbook.xml), where each sheet's part is (workbook.xml.rels), the shared
 * strings and which cell styles are dates (styles.xml).
 */
import type { ReadBudget } from './read-budget';
import { isDateFormat, builtinFormatCode } from './is-date-format';
import { parseXmlPart } from './parse-xml-part';
import type { ZipDirectory } from './zip-directory';

export interface SheetEntry {
  name: string;
  /** visible, hidden or veryHidden. */
  state: string;
  /** The worksheet's part name (xl/worksheets/sheet1.xml), or undefined when its relationship is missing. */
  part: string | undefined;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
  /** Its folder, for relative targets (xl/). */
  folder: string;
}

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

/** Resolves a relationship target against the folder of the part that holds it. */
export function resolveTarget(folder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : folder + target;
  const parts: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/** The relationships part of `part` (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`), by Id. */
export async function readRelationships(bytes: Uint8Array, zip: ZipDirectory, budget: ReadBudget, part: string): Promise<Map<string, Relationship>> {
  const slash = part.lastIndexOf('/');
  const relsName = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const entry = zip.find(relsName);
  const rels = new Map<string, Relationship>();
  if (!entry) return rels;
  await parseXmlPart(bytes, entry, budget, {
    open(name, tag) {
      if (name !== 'Relationship') return;
      const { Id, Type, Target, TargetMode } = tag.attributes;
      if (Id !== undefined && Target !== undefined) rels.set(Id, { type: Type ?? '', target: Target, external: TargetMode === 'External' });
    },
  });
  return rels;
}

/** The workbook part's name from the package relationships, else the usual xl/workbook.xml; undefined when the zip has none. */
export async function findWorkbookPart(bytes: Uint8Array, zip: ZipDirectory, budget: ReadBudget): Promise<string | undefined> {
  for (const rel of (await readRelationships(bytes, zip, budget, '')).values()) {
    if (rel.type.endsWith('/officeDocument') && !rel.external) {
      const part = resolveTarget('', rel.target);
      if (zip.find(part)) return part;
    }
  }
  return zip.find('xl/workbook.xml') ? 'xl/workbook.xml' : undefined;
}

export async function readWorkbookPart(bytes: Uint8Array, zip: ZipDirectory, budget: ReadBudget, part: string): Promise<WorkbookPart & { rels: Map<string, Relationship> }> {
  const folder = part.slice(0, part.lastIndexOf('/') + 1);
  const rels = await readRelationships(bytes, zip, budget, part);
  const listed: { name: string; state: string; rId: string | undefined }[] = [];
  let date1904 = false;
  await parseXmlPart(bytes, zip.find(part)!, budget, {
    open(name, tag) {
      if (name === 'sheet') {
        const rId = tag.attributes['r:id'] ?? Object.entries(tag.attributes).find(([key]) => localNameOf(key) === 'id' && key.includes(':'))?.[1];
        listed.push({ name: tag.attributes.name ?? '', state: tag.attributes.state ?? 'visible', rId });
      } else if (name === 'workbookPr') {
        const value = tag.attributes.date1904;
        date1904 = value === '1' || value === 'true';
      }
    },
  });
  const sheets = listed.map((sheet) => {
    const rel = sheet.rId !== undefined ? rels.get(sheet.rId) : undefined;
    // Chart sheets and dialog sheets are not worksheets: no grid to read.
    const isWorksheet = rel !== undefined && !rel.external && rel.type.endsWith('/worksheet');
    return { name: sheet.name, state: sheet.state, part: isWorksheet ? resolveTarget(folder, rel.target.trim()) : undefined };
  });
  return { sheets, date1904, folder, rels };
}

function localNameOf(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** Excel escapes characters XML cannot hold as _xHHHH_ (ECMA-376 Part 1, 22.9.2.19). */
export function decodeEscapes(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-F]{4})_/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The shared strings, rich text as the plain text of its runs and phonetic guides (rPh) left out;
 * an item without any text is null (as an empty cell).
 */
export async function readSharedStrings(bytes: Uint8Array, zip: ZipDirectory, budget: ReadBudget, part: string | undefined): Promise<(string | null)[]> {
  const entry = part ? zip.find(part) : undefined;
  const strings: (string | null)[] = [];
  if (!entry) return strings;
  let item: string | null = null;
  let inText = false;
  let phonetic = 0;
  await parseXmlPart(bytes, entry, budget, {
    open(name) {
      if (name === 'si') item = null;
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) {
        inText = true;
        item ??= '';
      }
    },
    wantsText: () => inText,
    text(text) {
      if (inText) item += text;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') strings.push(item === null ? null : decodeEscapes(item));
    },
  });
  return strings;
}

/** For each cell style (cellXfs, by index), whether its number format shows a date or a time. */
export async function readDateStyles(bytes: Uint8Array, zip: ZipDirectory, budget: ReadBudget, part: string | undefined): Promise<boolean[]> {
  const entry = part ? zip.find(part) : undefined;
  const dateStyles: boolean[] = [];
  if (!entry) return dateStyles;
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  await parseXmlPart(bytes, entry, budget, {
    open(name, tag) {
      if (name === 'numFmt') custom.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formatIds.push(Number(tag.attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of formatIds) dateStyles.push(id > 0 && isDateFormat(custom.get(id) ?? builtinFormatCode(id)));
  return dateStyles;
}
