import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkbookGrid } from '#shared/grid/types';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { readLimitsFor } from '#shared/xlsx/workbook-limits';
import { writeSyntheticInviteWorkbook, syntheticInviteRows } from '#bench/_lib/synthetic-invite-sheet';
import { BENCH_HEADER } from '#bench/_lib/bench-organisation';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { createTemplateRegistry } from '#shared/spec/template-registry';
import type { Organisation } from '#shared/org/schema';
import { validateWorkbook } from '#shared/validation/validate-workbook';
import { cellKindsWorkbook, templateWorkbooks, type CorpusWorkbook } from './_lib/corpus-workbooks';
import { readWorkbookWithExcelJS } from './_lib/read-workbook-with-exceljs';

// ExcelJS loading every workbook of the corpus takes a while on a shared machine.
jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const LIMITS = { ...readLimitsFor(builtinTemplates), maxCells: 1_000_000 };

function fixtureWorkbooks(folder: string): CorpusWorkbook[] {
  const dir = path.join(FIXTURES, folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.xlsx'))
    .map((file) => ({ name: `${folder}/${file}`, bytes: new Uint8Array(readFileSync(path.join(dir, file))) }));
}

/**
 * ExcelJS drops a formula's cached result when it is 0, FALSE or empty text (FormulaValue copies only
 * truthy fields), so a LibreOffice-saved `SUM(...)` of nothing reads as null there; Excel and the
 * pane (Office.js) give 0. The reader gives the cached result: the one difference accepted here.
 */
function isDroppedFalsyResult(ours: unknown, oracle: unknown, formula: unknown): boolean {
  return (oracle ?? null) === null && (ours === 0 || ours === false || ours === '') && typeof formula === 'string';
}

/** Every cell where the two grids differ, as `sheet!row:col values|formulas ours ExcelJS`; none when they agree. */
function differences(ours: WorkbookGrid, oracle: WorkbookGrid): string[] {
  const out: string[] = [];
  if (JSON.stringify(ours.identities) !== JSON.stringify(oracle.identities)) out.push(`identities ${JSON.stringify(ours.identities)} ${JSON.stringify(oracle.identities)}`);
  const names = (grid: WorkbookGrid) => grid.sheets.map((s) => s.sheetName).join(',');
  if (names(ours) !== names(oracle)) return [...out, `sheets ${names(ours)} ${names(oracle)}`];
  ours.sheets.forEach((sheet, i) => {
    const other = oracle.sheets[i];
    for (const key of ['values', 'formulas'] as const) {
      const a = sheet[key] ?? [];
      const b = other[key] ?? [];
      if (a.length !== b.length) out.push(`${sheet.sheetName} ${key}: ${a.length} rows, ExcelJS ${b.length}`);
      for (let r = 0; r < Math.max(a.length, b.length); r++) {
        const rowA: unknown[] = a[r] ?? [];
        const rowB: unknown[] = b[r] ?? [];
        for (let c = 0; c < Math.max(rowA.length, rowB.length); c++) {
          if (Object.is(rowA[c] ?? null, rowB[c] ?? null)) continue;
          if (key === 'values' && isDroppedFalsyResult(rowA[c], rowB[c], sheet.formulas?.[r]?.[c])) continue;
          out.push(`${sheet.sheetName}!${r + 1}:${c + 1} ${key} ${JSON.stringify(rowA[c])} ExcelJS ${JSON.stringify(rowB[c])}`);
        }
      }
    }
  });
  return out;
}

describe('readWorkbook against ExcelJS, cell for cell', () => {
  let corpus: CorpusWorkbook[];

  beforeAll(async () => {
    corpus = [
      ...(await templateWorkbooks()),
      { name: 'cell kinds (ExcelJS)', bytes: await cellKindsWorkbook() },
      { name: 'synthetic 邀约明细, 600 rows (Excel layout)', bytes: await writeSyntheticInviteWorkbook(builtinTemplates[0], BENCH_HEADER, syntheticInviteRows(600)) },
      ...fixtureWorkbooks('libreoffice-saved'),
      ...fixtureWorkbooks('excel-saved'),
    ];
  });

  it('reads the corpus: the templates, LibreOffice-saved fills and workbooks Excel, LibreOffice and Google Sheets saved', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25);
  });

  it('gives the values, formulas, dates and identities ExcelJS gives, for every workbook of the corpus', async () => {
    // Act
    const report: string[] = [];
    for (const workbook of corpus) {
      const ours = await readWorkbook(workbook.bytes, LIMITS);
      const oracle = await readWorkbookWithExcelJS(workbook.bytes);
      for (const line of differences(ours, oracle).slice(0, 5)) report.push(`${workbook.name}: ${line}`);
    }
    // Assess
    expect(report).toEqual([]);
  });

  it('reads what the corpus is there for: merged cells, rich text, hyperlinks, dates, shared formulas and column XFD', async () => {
    const grid = await readWorkbook(corpus.find((w) => w.name === 'cell kinds (ExcelJS)')!.bytes, LIMITS);
    const [kinds, wide] = grid.sheets;
    expect(kinds.values[0]).toEqual(['标题']);
    expect(kinds.values[2]).toEqual(['张三 & 李四', '官网', '#N/A', true, false]);
    // Date-formatted numbers are rounded to the millisecond, as ExcelJS's Date was; other numbers are kept as they are.
    expect(kinds.values[3].slice(0, 4)).toEqual([46364, 46364 + (14.5 * 3600 + 15.25) / 86400, Math.round(46364.123456789 * 86_400_000) / 86_400_000, 46364.123456789]);
    expect(kinds.formulas![5].slice(0, 3)).toEqual([null, 'A6*2+$A$5', 'IF(A6>5,"大","小")']);
    expect(kinds.values[10]).toEqual([]);
    expect(kinds.values[15]).toEqual([null, 'merged']);
    expect(wide.values[0]).toHaveLength(16_384);
    expect(wide.values[0][16_383]).toBe('last column');
    expect(grid.identities).toEqual([{ sheetName: '各种单元格', id: 'invite-daily', version: 1 }]);
  });

  it('gives the validator the same findings as ExcelJS did, on every LibreOffice-saved fill', async () => {
    // Prepare
    const registry = createTemplateRegistry(builtinTemplates);
    const organisation: Organisation = {
      code: '3301',
      name: '城东支行',
      outlets: [{ code: '3301001', name: '城东支行营业部' }],
      campaign: { from: '2026-12-01', to: '2026-12-07', saleDays: ['2026-12-08', '2026-12-09', '2026-12-10'] },
      targets: {},
      deadline: '20:00',
    };
    const findings = (grid: WorkbookGrid) => validateWorkbook(grid, registry, { asOf: '2026-12-01', organisation }).findings.map((f) => `${f.address} ${f.code} ${String(f.fix)}`);
    // Act
    const fills = fixtureWorkbooks('libreoffice-saved').filter((w) => !w.name.includes('cell-kinds'));
    const compared = await Promise.all(fills.map(async (w) => [findings(await readWorkbook(w.bytes, LIMITS)), findings(await readWorkbookWithExcelJS(w.bytes))]));
    // Assess
    expect(fills).toHaveLength(4);
    for (const [ours, oracle] of compared) expect(ours).toEqual(oracle);
  });
});
