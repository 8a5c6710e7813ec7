import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { inviteHeader, inviteRow, makeWorkDir, SALE_DAY_SERIAL, writeFilledInvite } from './_lib/fixtures';
import { ensureCliBuilt, runPts } from './_lib/run-pts';

beforeAll(() => ensureCliBuilt(), 120_000);

describe('pts fix', () => {
  it('writes the safe fixes into a copy of the workbook, keeping its formatting, and reports how many', async () => {
    // Prepare: Y for 是, 30万 for 300000, a date typed as Chinese text.
    const { dir, orgFile } = makeWorkDir();
    const file = await writeFilledInvite(dir, 'a.xlsx', {
      header: inviteHeader('3301001'),
      rows: [inviteRow('王五', true, { K: 'Y', M: '2026年12月8日', O: '30万' })],
    });
    const fixed = join(dir, 'fixed.xlsx');
    // Act
    const result = await runPts(['fix', file, '--out', fixed, '--org', orgFile, '--as-of', '2026-12-01']);
    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('applied 3 safe fix(es)');
    expect(result.stdout).toContain(`${fixed} 邀约明细!O5 fixed 30万 -> 300000`);
    const grid = await readWorkbook(readFileSync(fixed));
    const row = grid.sheets[0].values[4];
    expect([row[10], row[12], row[14]]).toEqual(['是', SALE_DAY_SERIAL, 300000]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(fixed);
    expect(workbook.getWorksheet('邀约明细')!.getCell('M5').numFmt).toBe('yyyy-mm-dd');
    expect(workbook.getWorksheet('邀约明细')!.getCell('D4').font?.bold).toBe(true);
    const revalidated = await runPts(['validate', fixed, '--org', orgFile, '--as-of', '2026-12-01']);
    expect(revalidated.stdout).toBe('');
    expect(revalidated.code).toBe(0);
  });

  it("restores the template's formula of a typed-over total and says so", async () => {
    // Prepare: D3 有效邀约 typed over with 7 (one effective invitation below).
    const { dir, orgFile } = makeWorkDir();
    const file = await writeFilledInvite(dir, 'typed-over.xlsx', { header: inviteHeader('3301001'), rows: [inviteRow('王五', true)], cells: { D3: 7 } });
    const before = await runPts(['validate', file, '--org', orgFile, '--as-of', '2026-12-01', '--json']);
    const fixed = join(dir, 'typed-over-fixed.xlsx');
    // Act
    const result = await runPts(['fix', file, '--out', fixed, '--org', orgFile, '--as-of', '2026-12-01']);
    // Assess
    expect(JSON.parse(before.stdout).findings.map((f: { address: string; code: string; fix: unknown }) => [f.address, f.code, f.fix])).toEqual([
      ['邀约明细!D3', 'computed-cell-overwritten', '=COUNTIF(K5:K504,"是")'],
    ]);
    expect(result.stdout).toContain(`${fixed} 邀约明细!D3 fixed 7 -> =COUNTIF(K5:K504,"是")`);
    expect(result.code).toBe(0);
    const grid = await readWorkbook(readFileSync(fixed));
    expect(grid.sheets[0].formulas![2][3]).toBe('COUNTIF(K5:K504,"是")');
  });

  it('exits 1 when errors remain that no safe fix can mend', async () => {
    const { dir, orgFile } = makeWorkDir();
    const file = await writeFilledInvite(dir, 'b.xlsx', { header: inviteHeader('3301001'), rows: [inviteRow('王五', false, { E: '中端客户', O: '1.5万' })] });
    const result = await runPts(['fix', file, '--out', join(dir, 'b-fixed.xlsx'), '--org', orgFile, '--as-of', '2026-12-01']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('applied 1 safe fix(es)');
    expect(result.stderr).toMatch(/b-fixed\.xlsx 邀约明细!E5 error enum-error/);
  });
});

describe('pts summary', () => {
  async function threeOutletFiles(dir: string) {
    // 3301001: 1 effective; 3301002: 2 effective; 3301003: a sheet with an error (left out of the ranking, listed 有错误).
    return [
      await writeFilledInvite(dir, '001.xlsx', { header: inviteHeader('3301001'), rows: [inviteRow('王五', true), inviteRow('赵六', false)] }),
      await writeFilledInvite(dir, '002.xlsx', { header: inviteHeader('解放路网点'), rows: [inviteRow('钱七', true), inviteRow('孙八', true)] }),
      await writeFilledInvite(dir, '003.xlsx', { header: inviteHeader('3301003'), rows: [inviteRow('周九', true, { E: '中端客户' })] }),
    ];
  }

  it('prints the ranked table and lists a file with errors as 有错误 with its error count, not as 未报送', async () => {
    const { dir, orgFile } = makeWorkDir();
    const files = await threeOutletFiles(dir);
    const result = await runPts(['summary', ...files, '--org', orgFile, '--as-of', '2026-12-01']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/003\.xlsx：有 1 处错误，列为“有错误”，不计入排名.*left out of the ranking/);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toContain('支行 3301  2026-12-01');
    expect(lines[1]).toMatch(/^排名\s+代码\s+名称\s+邀约人次\s+有效邀约/);
    expect(lines[3]).toMatch(/^\s*1\s+3301002\s+解放路网点\s+2\s+2\s/);
    expect(lines[3]).toContain('13.33%');
    expect(lines[4]).toMatch(/^\s*2\s+3301001\s+城东支行营业部\s+2\s+1\s/);
    expect(lines[5]).toMatch(/3301003\s+庆春路网点\s+有错误（1 处）$/);
    expect(result.stdout).not.toContain('未报送');
    expect(lines[6]).toMatch(/^合计\s+3301\s+支行合计\s+4\s+3\s/);
  });

  it('prints the summary object with --json and writes the workbook with --out', async () => {
    const { dir, orgFile } = makeWorkDir();
    const files = await threeOutletFiles(dir);
    const out = join(dir, 'summary.xlsx');
    const result = await runPts(['summary', ...files.slice(0, 2), '--org', orgFile, '--as-of', '2026-12-01', '--json', '--dense', '--out', out]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ template: 'invite-daily', subBranch: '3301', from: '2026-12-01', to: '2026-12-01', ranking: 'dense' });
    expect(summary.outlets.map((o: { outlet: string; rank: number }) => [o.outlet, o.rank])).toEqual([
      ['3301002', 1],
      ['3301001', 2],
    ]);
    expect(summary.missing).toEqual([{ outlet: '3301003', outletName: '庆春路网点' }]);
    expect(summary.total['有效邀约']).toBe(3);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总 2026-12-01', '明细 2026-12-01']);
    expect(workbook.getWorksheet('汇总 2026-12-01')!.getCell('B5').value).toBe('3301002');
    expect(workbook.getWorksheet('明细 2026-12-01')!.getCell('F5').value).toBe('138****8000');
  });

  it('lists the files with errors in "rejected" of --json and as 有错误（n 处） in the --out workbook', async () => {
    // Prepare: 3301003's sheet has two errors.
    const { dir, orgFile } = makeWorkDir();
    const files = await threeOutletFiles(dir);
    files[2] = await writeFilledInvite(dir, '003.xlsx', { header: inviteHeader('3301003'), rows: [inviteRow('周九', true, { E: '中端客户', I: '飞鸽' })] });
    const out = join(dir, 'summary.xlsx');
    // Act
    const result = await runPts(['summary', ...files, '--org', orgFile, '--as-of', '2026-12-01', '--json', '--out', out]);
    // Assess
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary.rejected).toEqual([{ outlet: '3301003', outletName: '庆春路网点', file: files[2], errors: 2 }]);
    expect(summary.missing).toEqual([]);
    expect(summary.outlets.map((o: { outlet: string }) => o.outlet)).toEqual(['3301002', '3301001']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('汇总 2026-12-01')!;
    const row7 = sheet.getRow(7);
    expect([row7.getCell(2).value, row7.getCell(3).value]).toEqual(['3301003', '庆春路网点']);
    expect(row7.getCell(sheet.getRow(4).cellCount).value).toBe('有错误（2 处）');
  });

  it('takes the period from --from and --to', async () => {
    const { dir, orgFile } = makeWorkDir();
    const files = await threeOutletFiles(dir);
    const result = await runPts(['summary', files[0], '--org', orgFile, '--from', '2026-12-01', '--to', '2026-12-07', '--json']);
    const summary = JSON.parse(result.stdout);
    expect([summary.from, summary.to]).toEqual(['2026-12-01', '2026-12-07']);
    // One effective invitation against 15 a day for 7 days.
    expect(summary.outlets[0].values['有效邀约达成率']).toBeCloseTo(1 / 105, 10);
  });

  it('reports an unusable file, leaves it out and exits 2', async () => {
    const { dir, orgFile } = makeWorkDir();
    const files = await threeOutletFiles(dir);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a workbook');
    const result = await runPts(['summary', files[0], text, '--org', orgFile, '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/notes\.txt.*not an Excel workbook.*left out/);
    expect(JSON.parse(result.stdout).outlets).toHaveLength(1);
  });

  it('counts a later file for the same outlet and day instead of the earlier one', async () => {
    const { dir, orgFile } = makeWorkDir();
    const [first] = await threeOutletFiles(dir);
    const resubmitted = await writeFilledInvite(dir, '001-again.xlsx', { header: inviteHeader('3301001'), rows: [inviteRow('王五', true), inviteRow('赵六', true), inviteRow('吴十', true)] });
    const result = await runPts(['summary', first, resubmitted, '--org', orgFile, '--as-of', '2026-12-01', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/001-again\.xlsx.*replaces/);
    const summary = JSON.parse(result.stdout);
    expect(summary.outlets.map((o: { outlet: string; values: Record<string, number> }) => [o.outlet, o.values['有效邀约']])).toEqual([['3301001', 3]]);
  });

  it('needs --org', async () => {
    const { dir } = makeWorkDir();
    const files = await threeOutletFiles(dir);
    const result = await runPts(['summary', files[0]]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/needs --org$/);
  });
});
