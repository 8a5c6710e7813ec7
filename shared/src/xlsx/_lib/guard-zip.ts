/**
 * Checks an .xlsx zip against the read caps before anything builds it: the sizes and number of
 * files its central directory declares, then the bytes each file really inflates to (streaming,
 * 256 KB at a time, stopping at the cap), and, in the worksheets, the rows with content and the cells
 * (a scan of the XML as it inflates). Nothing inflated is kept. Node only (zlib): the CLI and the server.
 */
import { createInflateRaw } from 'node:zlib';
import { createFinding } from '../../findings/create-finding';
import type { LocalisedText } from '../../findings/render-message';
import type { Finding } from '../../findings/types';
import { WorkbookReadError, WorkbookTooLargeError } from '../workbook-read-error';
import type { WorkbookReadLimits } from '../workbook-limits';

/** Where a finding about the file as a whole stands. */
export const WORKBOOK_PLACE = { sheetName: '工作簿' } as const;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const INFLATE_CHUNK = 256 * 1024;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/** "32 MB", "1.1 GB": sizes in messages, binary units. */
export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GB`;
  if (bytes >= 2 ** 20) return `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`;
  if (bytes >= 2 ** 10) return `${Math.round(bytes / 2 ** 10)} KB`;
  return `${bytes} B`;
}

function tooLarge(finding: Finding): WorkbookTooLargeError {
  return new WorkbookTooLargeError(finding);
}

function unpackedOverCap(size: LocalisedText, limits: WorkbookReadLimits): WorkbookTooLargeError {
  return tooLarge(createFinding('upload-too-large', WORKBOOK_PLACE, { variant: 'unpacked', slots: { size, cap: formatBytes(limits.maxUnpackedBytes) } }));
}

/** Throws WorkbookTooLargeError when the zip is over a cap, WorkbookReadError('corrupt') when it cannot be walked. */
export async function guardZip(bytes: Uint8Array, limits: WorkbookReadLimits): Promise<void> {
  const entries = readCentralDirectory(bytes, limits);
  let declared = 0;
  for (const entry of entries) declared += entry.declaredSize;
  if (declared > limits.maxUnpackedBytes) {
    throw unpackedOverCap({ zh: `${formatBytes(declared)}（按压缩包的声明）`, en: `${formatBytes(declared)} (as the zip declares)` }, limits);
  }

  const budget = { unpacked: 0, cells: 0 };
  for (const entry of entries) {
    const scanner = WORKSHEET.test(entry.name) ? new SheetScanner() : undefined;
    await inflateEntry(bytes, entry, async (chunk) => {
      budget.unpacked += chunk.length;
      if (budget.unpacked > limits.maxUnpackedBytes) {
        throw unpackedOverCap({ zh: `${formatBytes(budget.unpacked)} 以上`, en: `more than ${formatBytes(budget.unpacked)}` }, limits);
      }
      if (!scanner) return;
      const cellsBefore = scanner.cells;
      scanner.scan(chunk);
      budget.cells += scanner.cells - cellsBefore;
      if (scanner.rowsWithContent > limits.maxSheetRows) {
        const sheetName = await sheetNameOf(bytes, entries, entry.name);
        throw tooLarge(
          createFinding('too-many-rows', { sheetName }, {
            variant: 'file',
            slots: { count: scanner.rowsWithContent, maxRows: limits.maxSheetRows, dataRows: limits.maxDataRows },
          }),
        );
      }
      if (budget.cells > limits.maxCells) {
        throw tooLarge(createFinding('too-many-rows', WORKBOOK_PLACE, { variant: 'cells', slots: { count: budget.cells, maxCells: limits.maxCells } }));
      }
    });
  }
}

function readCentralDirectory(bytes: Uint8Array, limits: WorkbookReadLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(bytes, view);
  if (eocd < 0) throw new WorkbookReadError('corrupt', 'no end of central directory');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) throw new WorkbookReadError('corrupt', 'zip64 locator missing');
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record + 56 > bytes.length || view.getUint32(record, true) !== ZIP64_EOCD) throw new WorkbookReadError('corrupt', 'zip64 record missing');
    count = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  if (count > limits.maxEntries) {
    throw tooLarge(createFinding('upload-too-large', WORKBOOK_PLACE, { variant: 'entries', slots: { size: count, cap: limits.maxEntries } }));
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) throw new WorkbookReadError('corrupt', 'central directory entry');
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      declaredSize: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    };
    readZip64Extra(view, offset + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset that do not fit 32 bits stand in the zip64 extra field (id 1), in this order. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  const end = Math.min(start + length, view.byteLength);
  for (let at = start; at + 4 <= end; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      let field = at + 4;
      const next = (): number => {
        const value = field + 8 <= end ? Number(view.getBigUint64(field, true)) : Number.MAX_SAFE_INTEGER;
        field += 8;
        return value;
      };
      if (entry.declaredSize === 0xffffffff) entry.declaredSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    at += 4 + size;
  }
}

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes[at] === 0x50 && view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

/** The compressed bytes of an entry, found through its local header. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new WorkbookReadError('corrupt', `local header of ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new WorkbookReadError('corrupt', `${entry.name} is truncated`);
  return bytes.subarray(start, end);
}

/**
 * Feeds an entry's inflated bytes to `onChunk`, 256 KB at a time; an error thrown by `onChunk`
 * stops the inflating at once and is thrown. Stored entries are handed over in the same steps.
 */
async function inflateEntry(bytes: Uint8Array, entry: ZipEntry, onChunk: (chunk: Uint8Array) => Promise<void>): Promise<void> {
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += INFLATE_CHUNK) await onChunk(data.subarray(at, at + INFLATE_CHUNK));
    return;
  }
  if (entry.method !== 8) throw new WorkbookReadError('corrupt', `${entry.name}: compression method ${entry.method}`);
  const inflater = createInflateRaw({ chunkSize: INFLATE_CHUNK });
  inflater.end(data);
  try {
    // Async iteration pulls one chunk at a time: zlib inflates no further ahead than its buffer.
    for await (const chunk of inflater) await onChunk(chunk as Buffer);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    throw new WorkbookReadError('corrupt', `${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    inflater.destroy();
  }
}

/** The sheet name the workbook gives a worksheet part (xl/workbook.xml through its relationships), or the part's name. */
async function sheetNameOf(bytes: Uint8Array, entries: readonly ZipEntry[], part: string): Promise<string> {
  try {
    const workbook = await smallEntryText(bytes, entries, 'xl/workbook.xml');
    const rels = await smallEntryText(bytes, entries, 'xl/_rels/workbook.xml.rels');
    if (workbook === undefined || rels === undefined) return part;
    const target = part.replace(/^xl\//i, '');
    const relationship = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => attribute(tag, 'Target')?.replace(/^\/?(xl\/)?/, '') === target);
    const id = relationship ? attribute(relationship, 'Id') : undefined;
    const sheet = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]).find((tag) => attribute(tag, 'r:id') === id);
    const name = sheet ? attribute(sheet, 'name') : undefined;
    return name ? decodeXml(name) : part;
  } catch {
    return part;
  }
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag)?.[1];
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The text of a small entry (at most 1 MB inflated), or undefined. */
async function smallEntryText(bytes: Uint8Array, entries: readonly ZipEntry[], name: string): Promise<string | undefined> {
  const entry = entries.find((e) => e.name === name);
  if (!entry) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  await inflateEntry(bytes, entry, async (chunk) => {
    size += chunk.length;
    if (size > 1024 * 1024) throw new WorkbookReadError('corrupt', `${name} is too large`);
    chunks.push(Uint8Array.from(chunk));
  });
  return new TextDecoder().decode(Buffer.concat(chunks));
}

const LT = 0x3c;

/**
 * Counts, in a worksheet's XML as it streams by, the cells (`<c …>`) and the rows that hold a cell
 * with content (a `</c>` between the row's start and the next row). Tag names may carry a namespace
 * prefix (`x:row`); a tag name split between two chunks is carried over.
 */
export class SheetScanner {
  cells = 0;
  rowsWithContent = 0;
  private rowHasContent = false;
  private pendingName: string | null = null;

  scan(chunk: Uint8Array): void {
    let at = 0;
    if (this.pendingName !== null) {
      at = this.readName(chunk, 0, this.pendingName);
    }
    while (at < chunk.length) {
      const lt = chunk.indexOf(LT, at);
      if (lt < 0) return;
      at = this.readName(chunk, lt + 1, '');
    }
  }

  /** Reads a tag name from `start`; returns where scanning goes on. */
  private readName(chunk: Uint8Array, start: number, prefix: string): number {
    let name = prefix;
    let at = start;
    while (at < chunk.length) {
      const code = chunk[at];
      if (code === 0x20 || code === 0x3e || code === 0x09 || code === 0x0a || code === 0x0d || (code === 0x2f && name.length > 0)) {
        this.pendingName = null;
        this.tag(name);
        return at;
      }
      name += String.fromCharCode(code);
      at++;
      if (name.length > 12) {
        this.pendingName = null;
        return at;
      }
    }
    this.pendingName = name;
    return at;
  }

  private tag(qualified: string): void {
    const closing = qualified.charCodeAt(0) === 0x2f;
    const raw = closing ? qualified.slice(1) : qualified;
    const colon = raw.indexOf(':');
    const name = colon >= 0 ? raw.slice(colon + 1) : raw;
    if (closing) {
      if (name === 'c' && !this.rowHasContent) {
        this.rowHasContent = true;
        this.rowsWithContent++;
      }
      return;
    }
    if (name === 'c') this.cells++;
    else if (name === 'row') this.rowHasContent = false;
  }
}
