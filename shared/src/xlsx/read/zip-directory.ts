/**
 * The central directory of a zip (.xlsx is one): names, sizes and where each file's bytes start,
 * read straight from the bytes (no inflating). Uint8Array and DataView only, so it runs in the browser too.
 */
import { createFinding } from '../../findings/create-finding';
import { WorkbookReadError, WorkbookTooLargeError } from '../workbook-read-error';
import type { WorkbookReadLimits } from '../workbook-limits';
import { WORKBOOK_PLACE } from './read-budget';

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The unpacked size the directory declares (a liar is caught while inflating). */
  declaredSize: number;
  localOffset: number;
  /** The entry's MS-DOS modification date and time fields, kept by the patch writer when it writes the zip again. */
  dosDate: number;
  dosTime: number;
}

export interface ZipDirectory {
  entries: readonly ZipEntry[];
  /** Finds an entry by its part name, case-insensitively (OPC part names are), without a leading slash. */
  find(name: string): ZipEntry | undefined;
}

/** Throws WorkbookTooLargeError over the entry cap, WorkbookReadError('corrupt') when the directory cannot be walked. */
export function readZipDirectory(bytes: Uint8Array, limits: WorkbookReadLimits): ZipDirectory {
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
    throw new WorkbookTooLargeError(createFinding('upload-too-large', WORKBOOK_PLACE, { variant: 'entries', slots: { size: count, cap: limits.maxEntries } }));
  }
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) throw new WorkbookReadError('corrupt', 'central directory entry');
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      declaredSize: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
      dosTime: view.getUint16(offset + 12, true),
      dosDate: view.getUint16(offset + 14, true),
    };
    readZip64Extra(view, offset + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) byName.set(entry.name.replace(/^\/+/, '').toLowerCase(), entry);
  return { entries, find: (name) => byName.get(name.replace(/^\/+/, '').toLowerCase()) };
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

/** The compressed bytes of an entry, found through its local header (whose own sizes may be zero: data descriptors). */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new WorkbookReadError('corrupt', `local header of ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new WorkbookReadError('corrupt', `${entry.name} is truncated`);
  return bytes.subarray(start, end);
}
