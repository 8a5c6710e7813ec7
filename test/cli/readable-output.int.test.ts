import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { displayWidth } from '#cli/format';
import { inviteHeader, inviteRow, makeWorkDir, writeFilledInvite } from './_lib/fixtures';
import { ensureCliBuilt, runPts } from './_lib/run-pts';

beforeAll(() => ensureCliBuilt(), 120_000);

/** 2026-12-05: inside the campaign but not a sale day, as an Excel serial. */
const NOT_A_SALE_DAY = 46361;

describe('pts output as a bank employee reads it', () => {
  it('wraps long finding lines to 120 columns, the first line still starting with file, address, severity and code', async () => {
    // Prepare: a long path and a sale-day finding with a long message.
    const { dir, orgFile } = makeWorkDir();
    const file = await writeFilledInvite(dir, '城东支行营业部-网点客户邀约每日明细表-2026-12-01.xlsx', {
      header: inviteHeader('3301001'),
      rows: [inviteRow('王五', true, { M: NOT_A_SALE_DAY })],
    });
    // Act
    const result = await runPts(['validate', file, '--org', orgFile, '--as-of', '2026-12-01']);
    // Assess
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(120);
    expect(lines[0].startsWith(`${file} 邀约明细!M5 error cross-field-error`)).toBe(true);
    expect(lines.slice(1).every((line) => line.startsWith('    '))).toBe(true);
    expect(lines.join(' ')).toMatch(/2026-12-05 is\s+not one of the campaign sale days/);
  });

  it('gives a date cell\'s value in validate --json as the day, not the Excel serial', async () => {
    const { dir, orgFile } = makeWorkDir();
    const file = await writeFilledInvite(dir, 'a.xlsx', { header: inviteHeader('3301001'), rows: [inviteRow('王五', true, { M: NOT_A_SALE_DAY })] });
    const result = await runPts(['validate', file, '--org', orgFile, '--as-of', '2026-12-01', '--json']);
    const report = JSON.parse(result.stdout);
    expect(report.findings.map((f: { address: string; code: string; value: unknown }) => [f.address, f.code, f.value])).toEqual([
      ['邀约明细!M5', 'cross-field-error', '2026-12-05'],
    ]);
  });

  it.each([
    [['validate', 'a.xlsx', '--colour'], '参数有误：未知选项 --colour', 'bad arguments: unknown option --colour'],
    [['validate', 'a.xlsx', '--org'], '参数有误：选项 --org 缺少值', 'bad arguments: option --org needs a value'],
    [['validate', 'a.xlsx', '--json=yes'], '参数有误：选项 --json 不带值', 'bad arguments: option --json takes no value'],
  ])('says what is wrong with %j in Chinese, then in English, without Node\'s advice', async (args, zh, en) => {
    const result = await runPts(args);
    expect(result.code).toBe(2);
    const line = result.stderr.trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line.indexOf(zh)).toBeGreaterThan(-1);
    expect(line.indexOf(en)).toBeGreaterThan(line.indexOf(zh));
    expect(line).not.toMatch(/Unknown option|place it at the end|argument missing/);
  });

  it('checks a renamed template sheet found by its identity and reports the new name', async () => {
    // Prepare: the issued template with 邀约明细 renamed 邀约明细表, as Excel leaves it (_pts_meta unchanged).
    const { dir, orgFile } = makeWorkDir();
    const original = await writeFilledInvite(dir, 'a.xlsx', { header: inviteHeader('3301001'), rows: [inviteRow('王五', false)] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(original);
    workbook.getWorksheet('邀约明细')!.name = '邀约明细表';
    const renamed = join(dir, 'renamed.xlsx');
    await workbook.xlsx.writeFile(renamed);
    // Act
    const result = await runPts(['validate', renamed, '--org', orgFile, '--as-of', '2026-12-01', '--json']);
    // Assess
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.template).toEqual({ id: 'invite-daily', version: 1 });
    expect(report.findings.map((f: { address: string; code: string }) => [f.address, f.code])).toEqual([['邀约明细表', 'template-sheet-renamed']]);
  });
});
