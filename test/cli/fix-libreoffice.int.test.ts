import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { convertWithLibreOffice } from '../shared/xlsx/_lib/convert-with-libreoffice';
import { inviteDaily, inviteHeader, inviteRow, makeWorkDir } from './_lib/fixtures';
import { fillTemplate } from '../shared/xlsx/_lib/fill-template';
import { ensureCliBuilt, runPts } from './_lib/run-pts';

// LibreOffice Calc (headless) saves the filled sheet, and later opens the fixed one to compute its totals.
jest.setTimeout(180_000);
beforeAll(() => ensureCliBuilt(), 120_000);

const run = promisify(execFile);
/** CSV filter options: comma, double quote, UTF-8 (76), from line 1. */
const CSV_UTF8 = 'csv:Text - txt - csv (StarCalc):44,34,76,1';

/** The first sheet of an .xlsx as LibreOffice computes it on opening: CSV lines split into cells (no cell here holds a comma). */
async function csvAsLibreOfficeComputesIt(file: string, dir: string): Promise<string[][]> {
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  const outDir = join(dir, 'csv');
  try {
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', CSV_UTF8, '--outdir', outDir, file], { timeout: 90_000 });
    const [csv] = readdirSync(outDir).filter((name) => name.endsWith('.csv'));
    return readFileSync(join(outDir, csv), 'utf8')
      .split('\n')
      .map((line) => line.split(',').map((cell) => cell.replace(/^"(.*)"$/, '$1')));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function part(file: string, path: string): Promise<string> {
  return (await JSZip.loadAsync(readFileSync(file))).file(path)!.async('string');
}

describe('pts fix on a sheet saved by LibreOffice', () => {
  it('keeps the sheet protection, changes only the fixed cell, and the totals come out recalculated', async () => {
    // Prepare: four invitations, the fourth effective one typed Y; LibreOffice saves it (有效邀约 cached as 3).
    const { dir, orgFile } = makeWorkDir();
    const filled = await fillTemplate(inviteDaily, {
      header: inviteHeader('3301001'),
      rows: [inviteRow('王五', true), inviteRow('赵六', true), inviteRow('钱七', true), inviteRow('孙八', true, { K: 'Y' })],
    });
    const saved = join(dir, 'lo.xlsx');
    writeFileSync(saved, await convertWithLibreOffice(filled, 90_000));
    expect(await part(saved, 'xl/worksheets/sheet1.xml')).toMatch(/<sheetProtection sheet="true"/);
    const fixed = join(dir, 'fixed.xlsx');

    // Act
    const result = await runPts(['fix', saved, '--out', fixed, '--org', orgFile, '--as-of', '2026-12-01']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${fixed} 邀约明细!K8 fixed Y -> 是`);
    expect(await part(fixed, 'xl/worksheets/sheet1.xml')).toMatch(/<sheetProtection sheet="1"[^>]* formatColumns="0"/);
    expect(await part(fixed, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const lines = await csvAsLibreOfficeComputesIt(fixed, dir);
    expect(lines[2].slice(0, 4)).toEqual(['邀约人次', '4', '有效邀约', '4']);
    expect([lines[7][1], lines[7][10]]).toEqual(['孙八', '是']);
  });
});
