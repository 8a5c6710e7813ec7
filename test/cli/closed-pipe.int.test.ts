import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { inviteHeader, inviteRow, makeWorkDir, writeFilledInvite } from './_lib/fixtures';
import { ensureCliBuilt } from './_lib/run-pts';

const PTS = join(__dirname, '..', '..', 'bin', 'pts.cjs');

beforeAll(() => ensureCliBuilt(), 120_000);

describe('pts output into a pipe that closes early', () => {
  it('ends quietly when the reader stops after 10 bytes (| head -c 10): no EPIPE stack trace', async () => {
    // Prepare: 3,000 findings, far more output than a pipe holds, so that writing goes on after the reader has gone
    const { dir } = makeWorkDir();
    const file = await writeFilledInvite(dir, 'a.xlsx', { header: inviteHeader('3301001'), rows: Array.from({ length: 1500 }, (_, i) => inviteRow(`客户${i}`, false, { D: '其他来源', E: '中端客户' })) });
    // Act
    const result = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
      execFile('sh', ['-c', `"${process.execPath}" "${PTS}" validate "${file}" --as-of 2026-12-03 | head -c 10`], (_error, stdout, stderr) => resolve({ stdout, stderr }));
    });
    // Assess
    expect(result.stdout).toHaveLength(10);
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled 'error' event/);
  });
});
