/**
 * Hostile .xlsx files for the zip-bomb bench and the cap tests: a real workbook's parts plus one
 * worksheet that inflates to `unpackedBytes` of blank XML (spaces inside the sheet element), built
 * from one deflated megabyte repeated, so a 1 GB bomb costs milliseconds and about 1 MB to make.
 * `declared: 'honest'` writes the true unpacked size into the zip's directory; `'small'` lies
 * (declares 1 KB), so only counting the inflated bytes can catch it.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Raw deflate data. */
  data: Uint8Array;
  declaredSize: number;
  crc: number;
}

const MB = 1024 * 1024;

/** A part deflated normally, with its true size and CRC. */
export function deflatedPart(name: string, text: string | Uint8Array): ZipPart {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
  return { name, data: deflateRawSync(bytes), declaredSize: bytes.length, crc: crc32(bytes) };
}

/**
 * Raw deflate data that inflates to `head`, then `repeats` MB of `fill`, then `tail`: the
 * megabyte is deflated once with a full flush (no back-references across it) and its blocks are repeated.
 */
export function repeatedDeflate(head: string, fill: number, repeats: number, tail: string): Uint8Array {
  const opts = { finishFlush: constants.Z_FULL_FLUSH };
  const block = deflateRawSync(Buffer.alloc(MB, fill), opts);
  const parts: Uint8Array[] = [deflateRawSync(Buffer.from(head), opts)];
  for (let i = 0; i < repeats; i++) parts.push(block);
  parts.push(deflateRawSync(Buffer.from(tail)));
  return Buffer.concat(parts);
}

/** Writes a zip of the given parts (deflate, method 8), central directory and end record included. */
export function writeZip(parts: readonly ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(Math.min(part.declaredSize, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, Buffer.from(part.data));
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(part.crc >>> 0, 16);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(Math.min(part.declaredSize, 0xfffffffe), 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + part.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="邀约明细" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts of a one-sheet workbook (邀约明细) around a given sheet1.xml part. */
export function workbookWithSheet(sheet: ZipPart): Uint8Array {
  return writeZip([
    deflatedPart('[Content_Types].xml', CONTENT_TYPES),
    deflatedPart('_rels/.rels', ROOT_RELS),
    deflatedPart('xl/workbook.xml', WORKBOOK),
    deflatedPart('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    sheet,
  ]);
}

/** A workbook whose one worksheet inflates to about `unpackedMb` MB of spaces. */
export function zipBomb(options: { unpackedMb: number; declared: 'honest' | 'small' }): Uint8Array {
  const data = repeatedDeflate(SHEET_HEAD, 0x20, options.unpackedMb, SHEET_TAIL);
  const size = SHEET_HEAD.length + options.unpackedMb * MB + SHEET_TAIL.length;
  // The CRC of the blank megabytes is not computed (a gigabyte of work): nothing that honours the caps reads that far.
  return workbookWithSheet({ name: 'xl/worksheets/sheet1.xml', data, declaredSize: options.declared === 'honest' ? size : 1024, crc: 0 });
}

/** A workbook whose worksheet holds `rows` rows of one small number each (a few bytes a row once deflated). */
export function manyRowsWorkbook(rows: number): Uint8Array {
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) body.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
  return workbookWithSheet(deflatedPart('xl/worksheets/sheet1.xml', SHEET_HEAD + body.join('') + SHEET_TAIL));
}
