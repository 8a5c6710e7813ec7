import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { inviteHeader, inviteRow, makeWorkDir, SALE_DAY_SERIAL, writeFilledInvite } from './_lib/fixtures';
import { ensureCliBuilt, runPts } from './_lib/run-pts';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';

const STACK_LINE = /^\s+at /m;

beforeAll(() => ensureCliBuilt(), 120_000);

describe('pts --help', () => {
  it('lists the five commands and exits 0', async () => {
    const result = await runPts(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['template', 'validate', 'fix', 'summary', 'submit']) expect(result.stdout).toContain(`pts ${command}`);
  });

  it('gives per-command help', async () => {
    const result = await runPts(['validate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--as-of');
    expect(result.stdout).toContain('Asia/Shanghai');
  });

  it('prints its version', async () => {
    const result = await runPts(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^pts \d+\.\d+\.\d+$/);
  });

  it('rejects an unknown command with exit 2 and one line', async () => {
    const result = await runPts(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('unknown command frobnicate');
  });
});

describe('pts template', () => {
  it('writes the blank workbook of a template with its identity', async () => {
    const { dir } = makeWorkDir();
    const out = join(dir, 'blank.xlsx');
    const result = await runPts(['template', 'sales-evaluation', '--version', '1', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('sales-evaluation');
    const workbook = await readWorkbook(readFileSync(out));
    expect(workbook.identities).toEqual([{ sheetName: '销售评估', id: 'sales-evaluation', version: 1 }]);
  });

  it.each([
    [['template', 'no-such-template', '--out', 'x.xlsx'], /unknown template no-such-template/],
    [['template', 'invite-daily', '--version', '9', '--out', 'x.xlsx'], /has no version 9/],
    [['template', 'invite-daily'], /needs --out/],
    [['template', 'invite-daily', '--out', 'x.xlsx', '--colour', 'red'], /参数有误：未知选项 --colour（.*bad arguments: unknown option --colour/],
  ])('refuses %j with exit 2 and one line', async (args, message) => {
    const { dir } = makeWorkDir();
    const result = await runPts(args, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});

describe('pts validate', () => {
  it('prints compiler-style lines and exits 1 when the sheet has errors', async () => {
    // Prepare: E6 is not one of the 客户类别 values; K7 is Y (a fixable warning).
    const { dir, orgFile } = makeWorkDir();
    const file = await writeFilledInvite(dir, 'a.xlsx', {
      header: inviteHeader('3301001'),
      rows: [inviteRow('王五', true), inviteRow('赵六', false, { E: '中端客户' }), inviteRow('钱七', false, { K: 'Y', M: SALE_DAY_SERIAL })],
    });
    // Act
    const result = await runPts(['validate', file, '--org', orgFile, '--as-of', '2026-12-01']);
    // Assess
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    const firstLines = lines.filter((line) => line.startsWith(file));
    expect(firstLines).toHaveLength(2);
    expect(firstLines[0]).toMatch(new RegExp(`^${file} 邀约明细!E6 error enum-error .+`));
    expect(firstLines[1]).toMatch(new RegExp(`^${file} 邀约明细!K7 warning type-error .+`));
    expect(result.stdout).toContain('(邀约明细!E6 (客户类别): "中端客户" is not one of');
    expect(result.stderr).toContain('1 error(s), 1 warning(s)');
  });

  it('exits 0 on a sheet with warnings only', async () => {
    const { dir, orgFile } = makeWorkDir();
    const file = await writeFilledInvite(dir, 'b.xlsx', { header: inviteHeader('3301001'), rows: [inviteRow('王五', true, { K: 'Y', M: SALE_DAY_SERIAL_TEXT })] });
    const result = await runPts(['validate', file, '--org', orgFile, '--as-of', '2026-12-01']);
    expect(result.stdout).toContain('warning');
    expect(result.stdout).not.toContain(' error ');
    expect(result.code).toBe(0);
  });

  it('prints the contract object with --json', async () => {
    const { dir, orgFile } = makeWorkDir();
    const file = await writeFilledInvite(dir, 'c.xlsx', { header: inviteHeader('3301001'), rows: [inviteRow('王五', false, { O: '30万' })] });
    const result = await runPts(['validate', file, '--org', orgFile, '--as-of', '2026-12-01', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.file).toBe(file);
    expect(report.template).toEqual({ id: 'invite-daily', version: 1 });
    expect(report.findings).toEqual([
      expect.objectContaining({ code: 'type-error', severity: 'warning', address: '邀约明细!O5', value: '30万', fix: 300000, message_zh: expect.any(String), message_en: expect.any(String) }),
    ]);
  });

  it('judges day rules on today in Asia/Shanghai unless --as-of says otherwise', async () => {
    // Prepare: 是否到场 filled, the first sale day tomorrow (Shanghai): an error today, fine on the sale day.
    const { dir } = makeWorkDir();
    const today = isoDateInTimeZone(new Date(), CAMPAIGN_TIME_ZONE);
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const orgFile = join(dir, 'org-today.json');
    writeFileSync(
      orgFile,
      JSON.stringify({ code: '3301', name: '城东支行', outlets: [{ code: '3301001', name: '城东支行营业部' }], campaign: { from: today, to: today, saleDays: [tomorrow] } }),
    );
    const tomorrowSerial = Date.parse(`${tomorrow}T00:00:00Z`) / 86_400_000 + 25569;
    const file = await writeFilledInvite(dir, 'd.xlsx', { header: inviteHeader('3301001', today), rows: [inviteRow('王五', true, { M: tomorrowSerial, Q: '是' })] });
    // Act
    const byDefault = await runPts(['validate', file, '--org', orgFile]);
    const onSaleDay = await runPts(['validate', file, '--org', orgFile, '--as-of', tomorrow]);
    // Assess
    expect(byDefault.code).toBe(1);
    expect(byDefault.stdout).toMatch(/邀约明细!Q5 error/);
    expect(onSaleDay.stdout).not.toMatch(/邀约明细!Q5/);
  });

  describe('files that cannot be used: exit 2, one line, no stack trace', () => {
    async function expectUnusable(args: string[], message: RegExp): Promise<void> {
      const result = await runPts(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(STACK_LINE);
    }

    it('a corrupt (truncated) workbook', async () => {
      const { dir } = makeWorkDir();
      const good = await writeFilledInvite(dir, 'good.xlsx', { header: inviteHeader('3301001') });
      const corrupt = join(dir, 'corrupt.xlsx');
      const bytes = readFileSync(good);
      writeFileSync(corrupt, bytes.subarray(0, bytes.length - 300));
      await expectUnusable(['validate', corrupt], /corrupt\.xlsx.*corrupt or truncated/);
    });

    it('a text file', async () => {
      const { dir } = makeWorkDir();
      const text = join(dir, 'notes.txt');
      writeFileSync(text, '客户姓名,联系电话\n王五,13800138000\n');
      await expectUnusable(['validate', text], /notes\.txt.*not an Excel workbook/);
    });

    it('a workbook without the template sheet', async () => {
      const { dir } = makeWorkDir();
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Sheet1').getCell('A1').value = '客户姓名';
      const file = join(dir, 'other.xlsx');
      await workbook.xlsx.writeFile(file);
      await expectUnusable(['validate', file], /no template sheet/);
    });

    it('a workbook whose identity names an unknown template', async () => {
      const { dir } = makeWorkDir();
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('邀约明细').getCell('A1').value = '网点客户邀约每日明细表';
      workbook.addWorksheet('_pts_meta', { state: 'veryHidden' }).addRow(['邀约明细', 'invite-weekly', 3]);
      const file = join(dir, 'unknown.xlsx');
      await workbook.xlsx.writeFile(file);
      await expectUnusable(['validate', file], /invite-weekly version 3, which is not known/);
    });

    it('a file that does not exist', async () => {
      await expectUnusable(['validate', '/nonexistent/a.xlsx'], /file not found/);
    });

    it('a bad --as-of', async () => {
      const { dir } = makeWorkDir();
      const file = await writeFilledInvite(dir, 'e.xlsx', { header: inviteHeader('3301001') });
      await expectUnusable(['validate', file, '--as-of', '2026-13-01'], /--as-of must be a day/);
    });

    it('an organisation file that is not valid', async () => {
      const { dir } = makeWorkDir();
      const file = await writeFilledInvite(dir, 'f.xlsx', { header: inviteHeader('3301001') });
      const orgFile = join(dir, 'bad-org.json');
      writeFileSync(orgFile, JSON.stringify({ code: '3301' }));
      await expectUnusable(['validate', file, '--org', orgFile], /organisation file .* does not follow the format/);
    });
  });
});

/** 2026年12月8日 typed as text into the date column: a fixable warning. */
const SALE_DAY_SERIAL_TEXT = '2026年12月8日';
