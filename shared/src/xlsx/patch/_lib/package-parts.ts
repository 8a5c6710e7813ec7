/** Where the parts of an .xlsx package are: the workbook, its worksheets by name and its styles, through the relationships. */
import { resolveTarget } from '../../read/read-package-parts';
import { WorkbookReadError } from '../../workbook-read-error';
import type { PackageEntry } from './zip-package';
import { attributeOf, decodeXmlText } from './xml-text';

export interface PackageParts {
  workbook: string;
  /** Worksheet part by sheet name (`邀约明细` → `xl/worksheets/sheet1.xml`). */
  sheets: Map<string, string>;
  styles: string | undefined;
}

const RELATIONSHIP = /<(?:\w+:)?Relationship\b[^>]*>/g;

export function locateParts(entries: readonly PackageEntry[]): PackageParts {
  const text = (name: string): string | undefined => {
    const entry = findEntry(entries, name);
    return entry ? new TextDecoder().decode(entry.data) : undefined;
  };
  const rootRels = relationships(text('_rels/.rels'), '');
  const workbook = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbookXml = text(workbook);
  if (workbookXml === undefined) throw new WorkbookReadError('not-xlsx', `no ${workbook}`);
  const folder = workbook.slice(0, workbook.lastIndexOf('/') + 1);
  const workbookRels = relationships(text(`${folder}_rels/${workbook.slice(folder.length)}.rels`), folder);
  const byId = new Map(workbookRels.map((r) => [r.id, r.target]));
  const sheets = new Map<string, string>();
  for (const tag of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attributeOf(tag[0], 'name');
    const id = /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(tag[0])?.[1];
    const target = id !== undefined ? byId.get(decodeXmlText(id)) : undefined;
    if (name !== undefined && target !== undefined) sheets.set(name, target);
  }
  const styles = workbookRels.find((r) => r.type.endsWith('/styles'))?.target;
  return { workbook, sheets, styles };
}

/** The entry of a part name; part names are case-insensitive (OPC), zip names not always written alike. */
export function findEntry(entries: readonly PackageEntry[], name: string): PackageEntry | undefined {
  const lower = name.toLowerCase();
  return entries.find((e) => e.name === name) ?? entries.find((e) => e.name.toLowerCase() === lower);
}

interface Relationship {
  id: string;
  type: string;
  /** The target's part name in the package, without a leading '/'. */
  target: string;
}

function relationships(xml: string | undefined, folder: string): Relationship[] {
  if (xml === undefined) return [];
  const found: Relationship[] = [];
  for (const tag of xml.matchAll(RELATIONSHIP)) {
    const id = attributeOf(tag[0], 'Id');
    const type = attributeOf(tag[0], 'Type');
    const target = attributeOf(tag[0], 'Target');
    if (id === undefined || type === undefined || target === undefined || attributeOf(tag[0], 'TargetMode') === 'External') continue;
    found.push({ id, type, target: resolveTarget(folder, target) });
  }
  return found;
}
