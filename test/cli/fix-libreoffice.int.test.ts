import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { readWorkbook } from '#shared/xlsx/read-workbook';
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

/** Names of the zip entries whose inflated bytes differ between two workbooks, and whether both list the same entries in the same order. */
function differingParts(before: Uint8Array, after: Uint8Array): { sameOrder: boolean; differing: string[] } {
  const a = unzipSync(before);
  const b = unzipSync(after);
  const differing = Object.keys(a).filter((name) => !b[name] || Buffer.compare(Buffer.from(a[name]), Buffer.from(b[name])) !== 0).sort();
  return { sameOrder: Object.keys(a).join('\n') === Object.keys(b).join('\n'), differing };
}

describe('pts fix on a sheet saved by LibreOffice', () => {
  it('changes only the fixed cells and the calculation flag, and LibreOffice opens the result with its protection, drop-downs, identity and totals recalculated', async () => {
    // Prepare: four invitations, the fourth effective one typed Y, 填报日期 typed as text; LibreOffice saves it (有效邀约 cached as 3).
    const { dir, orgFile } = makeWorkDir();
    const filled = await fillTemplate(inviteDaily, {
      header: { ...inviteHeader('3301001'), reportDate: '2026年12月1日' },
      rows: [inviteRow('王五', true), inviteRow('赵六', true), inviteRow('钱七', true), inviteRow('孙八', true, { K: 'Y' })],
    });
    const saved = join(dir, 'lo.xlsx');
    writeFileSync(saved, await convertWithLibreOffice(filled, 90_000));
    const protection = /<sheetProtection\b[^>]*>/.exec(await part(saved, 'xl/worksheets/sheet1.xml'))![0];
    expect(protection).toMatch(/sheet="true"/);
    const fixed = join(dir, 'fixed.xlsx');

    // Act
    const result = await runPts(['fix', saved, '--out', fixed, '--org', orgFile, '--as-of', '2026-12-01']);

    // Assess: the fix, and the package around it
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${fixed} 邀约明细!K8 fixed Y -> 是`);
    expect(result.stdout).toContain(`${fixed} 邀约明细!F2 fixed 2026年12月1日 -> 2026-12-01`);
    expect(differingParts(readFileSync(saved), readFileSync(fixed))).toEqual({ sameOrder: true, differing: ['xl/workbook.xml', 'xl/worksheets/sheet1.xml'] });
    const sheetXml = await part(fixed, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).toContain(protection);
    expect(await part(fixed, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    // Assess: checked again, no error and nothing left to fix
    const revalidated = await runPts(['validate', fixed, '--org', orgFile, '--as-of', '2026-12-01', '--json']);
    const findings = (JSON.parse(revalidated.stdout) as { findings: { severity: string; fix: unknown }[] }).findings;
    expect(findings.filter((f) => f.severity === 'error' || f.fix !== null)).toEqual([]);
    expect(revalidated.code).toBe(0);
    // Assess: LibreOffice opens it, computes the totals, and keeps protection, drop-downs and the identity sheet
    const lines = await csvAsLibreOfficeComputesIt(fixed, dir);
    expect(lines[2].slice(0, 4)).toEqual(['邀约人次', '4', '有效邀约', '4']);
    expect([lines[1][5], lines[7][1], lines[7][10]]).toEqual(['2026-12-01', '孙八', '是']);
    const reopened = await convertWithLibreOffice(readFileSync(fixed), 90_000);
    const reopenedSheet = new TextDecoder().decode(unzipSync(reopened)['xl/worksheets/sheet1.xml']);
    expect(reopenedSheet).toMatch(/<sheetProtection\b[^>]*sheet="true"/);
    expect([...reopenedSheet.matchAll(/<dataValidation\b[^>]*type="list"/g)].length).toBeGreaterThanOrEqual(7);
    expect((await readWorkbook(reopened)).identities).toEqual([{ sheetName: '邀约明细', id: 'invite-daily', version: 1 }]);
  });
});
