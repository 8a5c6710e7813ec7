/** `pts validate` on files over a cap (issue 9; a cell's text, contract.md): exit 2 and one line, in Chinese then English, naming the cap. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manyRowsWorkbook, zipBomb } from '#bench/_lib/zip-bomb';
import { inviteHeader, inviteRow, makeWorkDir, writeFilledInvite } from './_lib/fixtures';
import { ensureCliBuilt, runPts, type PtsResult } from './_lib/run-pts';

const STACK_LINE = /^\s+at /m;

beforeAll(() => ensureCliBuilt(), 120_000);

function expectOneLine(result: PtsResult, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  // Progress lines ("… 读取 / reading", cli/src/io.ts) may come first on a slow machine; the answer is one line.
  const lines = result.stderr.trim().split('\n').filter((line) => !line.startsWith('…'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(result.stderr).not.toMatch(STACK_LINE);
}

describe('pts validate on files over a cap', () => {
  it('a zip bomb (1 MB inflating to 1 GB): refused before reading, naming the 32 MB unpacked cap', async () => {
    // Prepare
    const { dir } = makeWorkDir();
    const file = join(dir, 'bomb.xlsx');
    writeFileSync(file, zipBomb({ unpackedMb: 1024, declared: 'small' }));
    // Act
    const result = await runPts(['validate', file, '--as-of', '2026-12-01']);
    // Assess
    expectOneLine(result, /bomb\.xlsx：工作簿：工作簿解压后为 32 MB 以上，超过解压上限 32 MB，未读取 \/ .*bomb\.xlsx: .*above the unpacked-size cap of 32 MB/);
  });

  it('a worksheet of 200,000 rows: refused while inflating, naming the row cap', async () => {
    const { dir } = makeWorkDir();
    const file = join(dir, 'rows.xlsx');
    writeFileSync(file, manyRowsWorkbook(200_000));
    const result = await runPts(['validate', file, '--as-of', '2026-12-01']);
    expectOneLine(result, /rows\.xlsx：邀约明细：工作表有 \d+ 行以上内容，超过上限 6004 行.* \/ .*above the cap of 6004/);
  });

  it('a template sheet of 5,001 filled rows: refused as a whole, naming the cap of 5,000 rows', async () => {
    const { dir, orgFile } = makeWorkDir();
    const rows = Array.from({ length: 5_001 }, (_, i) => inviteRow(`客户${i}`, false));
    const file = await writeFilledInvite(dir, 'big.xlsx', { header: inviteHeader('3301001'), rows });
    const result = await runPts(['validate', file, '--org', orgFile, '--as-of', '2026-12-01']);
    expectOneLine(result, /big\.xlsx：邀约明细：已填写 5001 行数据，超过每表上限 5000 行.* \/ .*above the cap of 5000 rows per sheet/);
  });

  it('a cell of 2,001 characters (备注): refused as a whole, naming the cell and the cap of 2,000 characters', async () => {
    const { dir, orgFile } = makeWorkDir();
    const rows = [inviteRow('客户甲', false), inviteRow('客户乙', false, { T: '备'.repeat(2_001) })];
    const file = await writeFilledInvite(dir, 'long.xlsx', { header: inviteHeader('3301001'), rows });
    const result = await runPts(['validate', file, '--org', orgFile, '--as-of', '2026-12-01']);
    expectOneLine(result, /long\.xlsx：邀约明细!T6（备注）有 2001 个字符，超过每格上限 2000 个字符，整表未接收.* \/ .*邀约明细!T6 \(备注\): 2001 characters, above the cap of 2000 characters per cell/);
  });
});
