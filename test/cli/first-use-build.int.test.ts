import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readWorkbook } from '#shared/xlsx/read-workbook';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/** A copy of the package as `npm ci` leaves it: sources and node_modules, no dist/. */
function freshCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pts-fresh-'));
  for (const part of ['package.json', 'tsconfig.json', 'bin', 'cli', 'shared', join('scripts', 'cli-bundle-options.cjs')]) {
    cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  }
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'));
  return dir;
}

describe('pts right after npm ci (no dist/ yet)', () => {
  let dir: string;
  beforeEach(() => {
    dir = freshCheckout();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds its bundle on first use and runs, also when started twice at once', async () => {
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    // Act: two first runs at the same time
    const [version, template] = await Promise.all([
      run(process.execPath, [join(dir, 'bin', 'pts.cjs'), '--version'], { cwd: dir, timeout: 90_000 }),
      run(process.execPath, [join(dir, 'bin', 'pts.cjs'), 'template', 'invite-daily', '--out', 'blank.xlsx'], { cwd: dir, timeout: 90_000 }),
    ]);
    // Assess
    expect(version.stdout.trim()).toMatch(/^pts \d+\.\d+\.\d+$/);
    expect(template.stdout).toContain('invite-daily');
    expect(existsSync(join(dir, 'dist', 'cli.cjs'))).toBe(true);
    const workbook = await readWorkbook(readFileSync(join(dir, 'blank.xlsx')));
    expect(workbook.identities).toEqual([{ sheetName: '邀约明细', id: 'invite-daily', version: 1 }]);
  });

  it('works as `npx pts`', async () => {
    const result = await run('npx', ['--no-install', 'pts', '--version'], { cwd: dir, timeout: 120_000 });
    expect(result.stdout.trim()).toMatch(/^pts \d+\.\d+\.\d+$/);
  });
});
