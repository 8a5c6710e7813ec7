/**
 * The files of an .xlsx zip, inflated within the read caps, and the zip written back with fflate in
 * the same order. Uint8Array only (no Buffer, no zlib): the patch writer runs in the browser too.
 * The central-directory walk repeats a small part of guard-zip.ts (which inflates with Node's zlib);
 * the streaming reader under shared/src/xlsx/read/ may take both over.
 */
import { Inflate, zipSync, type Zippable } from 'fflate';
import { createFinding } from '../../../findings/create-finding';
import type { LocalisedText } from '../../../findings/render-message';
import { WorkbookReadError, WorkbookTooLargeError } from '../../workbook-read-error';
import type { WorkbookReadLimits } from '../../workbook-limits';

/** One file of the package, inflated. */
export interface PackageEntry {
  name: string;
  data: Uint8Array;
  /** The entry's modification time as the zip gives it, kept when it is written back. */
  modified: Date;
}

interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
  dosTime: number;
  dosDate: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most about 1,032 to 1, so
 * one step yields at most about 16 MB: the unpacked cap is overrun by no more than that before it
 * stops. Smaller steps cost time (4 KB: twice the time of 16 KB on a 25 MB sheet).
 */
const INFLATE_STEP = 16 * 1024;
/**
 * Deflate level of the written entries: 3 makes a 50,000-row sheet 11% larger than 6 (3.4 MB against
 * 3.1 MB) in less than a third of the time, and about as large as ExcelJS writes it.
 */
const DEFLATE_LEVEL = 3;
const WORKBOOK_PLACE = { sheetName: '工作簿' } as const;

/** Every file of the zip, inflated, in the zip's order. Throws WorkbookTooLargeError over a cap, WorkbookReadError('corrupt') when it cannot be walked. */
export function readPackage(bytes: Uint8Array, limits: WorkbookReadLimits): PackageEntry[] {
  const entries = readCentralDirectory(bytes, limits);
  let declared = 0;
  for (const entry of entries) declared += entry.declaredSize;
  if (declared > limits.maxUnpackedBytes) {
    throw unpackedOverCap({ zh: `${formatBytes(declared)}（按压缩包的声明）`, en: `${formatBytes(declared)} (as the zip declares)` }, limits);
  }
  const budget = { unpacked: 0 };
  return entries.map((entry) => ({ name: entry.name, data: inflateEntry(bytes, entry, budget, limits), modified: dosDateTime(entry.dosDate, entry.dosTime) }));
}

/** The package as a zip again, entries in the order given, each deflated. */
export function writePackage(entries: readonly PackageEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const entry of entries) files[entry.name] = [entry.data, { level: DEFLATE_LEVEL, mtime: entry.modified }];
  return zipSync(files);
}

function unpackedOverCap(size: LocalisedText, limits: WorkbookReadLimits): WorkbookTooLargeError {
  return new WorkbookTooLargeError(createFinding('upload-too-large', WORKBOOK_PLACE, { variant: 'unpacked', slots: { size, cap: formatBytes(limits.maxUnpackedBytes) } }));
}

/** "32 MB", "1.1 GB": sizes in messages, binary units (as guard-zip.ts writes them). */
function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GB`;
  if (bytes >= 2 ** 20) return `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`;
  if (bytes >= 2 ** 10) return `${Math.round(bytes / 2 ** 10)} KB`;
  return `${bytes} B`;
}

function inflateEntry(bytes: Uint8Array, entry: CentralEntry, budget: { unpacked: number }, limits: WorkbookReadLimits): Uint8Array {
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    budget.unpacked += data.length;
    if (budget.unpacked > limits.maxUnpackedBytes) throw unpackedOverCap(moreThan(budget.unpacked), limits);
    return data.slice();
  }
  if (entry.method !== 8) throw new WorkbookReadError('corrupt', `${entry.name}: compression method ${entry.method}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    budget.unpacked += chunk.length;
    if (budget.unpacked > limits.maxUnpackedBytes) throw unpackedOverCap(moreThan(budget.unpacked), limits);
    chunks.push(chunk);
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let at = 0; at < data.length; at += INFLATE_STEP) inflater.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    throw new WorkbookReadError('corrupt', `${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (chunks.length === 1) return chunks[0];
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

function moreThan(size: number): LocalisedText {
  return { zh: `${formatBytes(size)} 以上`, en: `more than ${formatBytes(size)}` };
}

/** The compressed bytes of an entry, found through its local header. */
function entryData(bytes: Uint8Array, entry: CentralEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new WorkbookReadError('corrupt', `local header of ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new WorkbookReadError('corrupt', `${entry.name} is truncated`);
  return bytes.subarray(start, end);
}

function readCentralDirectory(bytes: Uint8Array, limits: WorkbookReadLimits): CentralEntry[] {
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
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) throw new WorkbookReadError('corrupt', 'central directory entry');
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const entry: CentralEntry = {
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      dosTime: view.getUint16(offset + 12, true),
      dosDate: view.getUint16(offset + 14, true),
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
function readZip64Extra(view: DataView, start: number, length: number, entry: CentralEntry): void {
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

/** MS-DOS date and time fields (local time, 2-second steps) as a Date; fflate writes them back the same way. */
function dosDateTime(date: number, time: number): Date {
  const year = 1980 + (date >> 9);
  const month = ((date >> 5) & 0x0f) - 1;
  const day = date & 0x1f;
  const built = new Date(year, Math.max(0, month), Math.max(1, day), time >> 11, (time >> 5) & 0x3f, (time & 0x1f) * 2);
  // fflate refuses dates before 1980 (the DOS epoch), which an all-zero field would give.
  return Number.isNaN(built.getTime()) || built.getFullYear() < 1980 ? new Date(1980, 0, 1) : built;
}
