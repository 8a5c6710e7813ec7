import { manyRowsWorkbook, workbookWithSheet, deflatedPart, writeZip, zipBomb } from '#bench/_lib/zip-bomb';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { DEFAULT_WORKBOOK_READ_LIMITS, readLimitsFor } from '#shared/xlsx/workbook-limits';
import { WorkbookTooLargeError } from '#shared/xlsx/workbook-read-error';
import { builtinTemplates } from '#shared/spec/builtin-templates';

async function refusal(bytes: Uint8Array): Promise<WorkbookTooLargeError> {
  try {
    await readWorkbook(bytes);
  } catch (error) {
    if (error instanceof WorkbookTooLargeError) return error;
    throw error;
  }
  throw new Error('readWorkbook accepted the file');
}

describe('readWorkbook caps (checked as the bytes arrive)', () => {
  it('refuses a 1 MB zip that declares 1 GB unpacked, naming the 32 MB cap', async () => {
    // Prepare
    const bomb = zipBomb({ unpackedMb: 1024, declared: 'honest' });
    // Act
    const error = await refusal(bomb);
    // Assess
    expect(bomb.length).toBeLessThan(1.2 * 2 ** 20);
    expect([error.code, error.finding.code, error.finding.note]).toEqual(['too-large', 'upload-too-large', 'unpacked']);
    expect(error.message_zh).toContain('32 MB');
    expect(error.message_zh).toContain('1.0 GB');
    expect(error.message_en).toContain('cap of 32 MB');
  });

  it('refuses a bomb whose directory lies about its size by counting what it inflates, stopping at the cap', async () => {
    const error = await refusal(zipBomb({ unpackedMb: 1024, declared: 'small' }));
    expect(error.finding.note).toBe('unpacked');
    expect(error.message_en).toContain('more than 32 MB');
  });

  it('refuses a worksheet with more rows than the cap, naming the sheet and the cap', async () => {
    const error = await refusal(manyRowsWorkbook(200_000));
    expect([error.finding.code, error.finding.address, error.finding.note]).toEqual(['too-many-rows', '邀约明细', 'file']);
    expect(error.message_zh).toContain(`上限 ${DEFAULT_WORKBOOK_READ_LIMITS.maxSheetRows} 行`);
    expect(error.message_zh).toContain('5000 行数据');
  });

  it('reads a worksheet right at the row cap', async () => {
    const grid = await readWorkbook(manyRowsWorkbook(DEFAULT_WORKBOOK_READ_LIMITS.maxSheetRows));
    expect(grid.sheets[0].values).toHaveLength(DEFAULT_WORKBOOK_READ_LIMITS.maxSheetRows);
  });

  it('counts rows only when a cell has content (styled empty cells are cells, not rows)', async () => {
    const rows = Array.from({ length: 7000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="1"/></row>`).join('');
    const sheet = deflatedPart('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${rows}</sheetData></worksheet>`);
    const grid = await readWorkbook(workbookWithSheet(sheet), { ...DEFAULT_WORKBOOK_READ_LIMITS, maxCells: 10_000 });
    expect(grid.sheets).toHaveLength(1);
  });

  it('refuses more cells than the cap, empty styled cells included', async () => {
    // Prepare: 50 rows of 100 styled empty cells against a cap of 4,000 cells
    const cells = (r: number) => Array.from({ length: 100 }, (_, c) => `<c r="R${r}C${c}" s="1"/>`).join('');
    const rows = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}">${cells(i + 1)}</row>`).join('');
    const sheet = deflatedPart('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${rows}</sheetData></worksheet>`);
    // Act
    let error: unknown;
    await readWorkbook(workbookWithSheet(sheet), { ...DEFAULT_WORKBOOK_READ_LIMITS, maxCells: 4000 }).catch((e: unknown) => (error = e));
    // Assess
    expect(error).toBeInstanceOf(WorkbookTooLargeError);
    expect([(error as WorkbookTooLargeError).finding.note, (error as WorkbookTooLargeError).message_en]).toEqual([
      'cells',
      expect.stringContaining('above the cap of 4000'),
    ]);
  });

  it('refuses a zip of more files than the cap', async () => {
    const parts = Array.from({ length: DEFAULT_WORKBOOK_READ_LIMITS.maxEntries + 1 }, (_, i) => deflatedPart(`x/${i}.xml`, '<a/>'));
    const error = await refusal(writeZip(parts));
    expect([error.finding.code, error.finding.note]).toEqual(['upload-too-large', 'entries']);
  });

  it('derives the row cap from the templates: header rows, maxRows and room for formulas dragged further', () => {
    const limits = readLimitsFor(builtinTemplates);
    expect(limits.maxDataRows).toBe(5000);
    expect(limits.maxSheetRows).toBe(4 + 5000 + 1000);
    expect(readLimitsFor([{ firstDataRow: 5, limits: { ...builtinTemplates[0].limits, maxRows: 20_000 } }]).maxSheetRows).toBe(21_004);
  });
});
