import { deflateRawSync } from 'node:zlib';
import { deflatedPart, writeZip, zipBomb } from '#bench/_lib/zip-bomb';
import { fflateInflater, inflateEntry, nodeZlibInflater, type RawInflater } from '#shared/xlsx/read/inflate-entry';
import { ReadBudget } from '#shared/xlsx/read/read-budget';
import { readZipDirectory, type ZipDirectory } from '#shared/xlsx/read/zip-directory';
import { DEFAULT_WORKBOOK_READ_LIMITS } from '#shared/xlsx/workbook-limits';
import { WorkbookReadError, WorkbookTooLargeError } from '#shared/xlsx/workbook-read-error';

/** Node's zlib (the CLI, the functions) and fflate (the pane, the web page) must behave as one. */
const nodeInflater = nodeZlibInflater();
const inflaters: [string, RawInflater][] = [
  ['node:zlib', nodeInflater as RawInflater],
  ['fflate', fflateInflater],
];

function directoryOf(zip: Uint8Array): ZipDirectory {
  return readZipDirectory(zip, DEFAULT_WORKBOOK_READ_LIMITS);
}

async function inflated(zip: Uint8Array, name: string, inflater: RawInflater, limits = DEFAULT_WORKBOOK_READ_LIMITS): Promise<{ bytes: Uint8Array; chunks: number }> {
  const entry = directoryOf(zip).find(name)!;
  const chunks: Uint8Array[] = [];
  await inflateEntry(zip, entry, new ReadBudget(limits), (chunk) => chunks.push(chunk.slice()), inflater);
  return { bytes: new Uint8Array(Buffer.concat(chunks)), chunks: chunks.length };
}

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('it did not fail');
}

describe('inflateEntry: Node zlib and fflate, one behaviour', () => {
  it('finds Node zlib through process.getBuiltinModule here (Node 20.16+), so the CLI and functions inflate natively', () => {
    expect(typeof nodeInflater).toBe('function');
  });

  it.each(inflaters)('%s: inflates a 3 MB part to the same bytes, in chunks that are plain Uint8Arrays', async (_name, inflater) => {
    // Prepare: text that compresses (rows of a sheet) with some randomness
    const rows = Array.from({ length: 40_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${(i * 7919) % 100_003}</v></c></row>`).join('');
    const zip = writeZip([deflatedPart('xl/worksheets/sheet1.xml', rows)]);
    // Act
    const { bytes, chunks } = await inflated(zip, 'xl/worksheets/sheet1.xml', inflater);
    // Assess
    expect(Buffer.from(bytes).toString('utf8')).toBe(rows);
    expect(chunks).toBeGreaterThan(1);
  });

  it.each(inflaters)('%s: stops a 1 GB bomb that declares 1 KB at the cap, having inflated at most one step past it', async (_name, inflater) => {
    const bomb = zipBomb({ unpackedMb: 1024, declared: 'small' });
    let seen = 0;
    const entry = directoryOf(bomb).find('xl/worksheets/sheet1.xml')!;
    const error = await failure(() => inflateEntry(bomb, entry, new ReadBudget(DEFAULT_WORKBOOK_READ_LIMITS), (chunk) => (seen += chunk.length), inflater));
    expect(error).toBeInstanceOf(WorkbookTooLargeError);
    // Nothing past the cap is handed on: the chunk that crosses it is refused before the handler sees it.
    expect(seen).toBeLessThanOrEqual(DEFAULT_WORKBOOK_READ_LIMITS.maxUnpackedBytes);
    expect(seen).toBeGreaterThan(DEFAULT_WORKBOOK_READ_LIMITS.maxUnpackedBytes - 17 * 2 ** 20);
  });

  it.each(inflaters)('%s: a truncated deflate stream is a corrupt part, named', async (_name, inflater) => {
    const data = deflateRawSync(Buffer.from('<worksheet>'.padEnd(100_000, ' ') + '</worksheet>'));
    const zip = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: data.subarray(0, Math.floor(data.length / 2)), declaredSize: 100_012, crc: 0 }]);
    const error = await failure(() => inflated(zip, 'xl/worksheets/sheet1.xml', inflater));
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).code).toBe('corrupt');
    expect((error as Error).message).toContain('xl/worksheets/sheet1.xml');
  });

  it.each(inflaters)('%s: bytes that are not deflate data are a corrupt part', async (_name, inflater) => {
    const zip = writeZip([{ name: 'xl/styles.xml', data: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00, 0x13]), declaredSize: 10, crc: 0 }]);
    const error = await failure(() => inflated(zip, 'xl/styles.xml', inflater));
    expect((error as WorkbookReadError).code).toBe('corrupt');
  });

  it.each(inflaters)('%s: an error thrown by the handler stops inflating and comes out as a corrupt part', async (_name, inflater) => {
    const rows = 'x'.repeat(4 * 2 ** 20);
    const zip = writeZip([deflatedPart('xl/worksheets/sheet1.xml', rows)]);
    const entry = directoryOf(zip).find('xl/worksheets/sheet1.xml')!;
    let calls = 0;
    const error = await failure(() =>
      inflateEntry(zip, entry, new ReadBudget(DEFAULT_WORKBOOK_READ_LIMITS), () => {
        calls++;
        throw new Error('the XML ends inside a tag');
      }, inflater),
    );
    expect(calls).toBe(1);
    expect((error as WorkbookReadError).code).toBe('corrupt');
    expect((error as Error).message).toContain('the XML ends inside a tag');
  });
});
