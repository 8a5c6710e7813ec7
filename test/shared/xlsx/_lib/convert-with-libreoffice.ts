import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Opens .xlsx bytes in LibreOffice Calc (headless) and saves them again as .xlsx, the way an outlet
 * using LibreOffice would hand the file back. A fresh user profile per call lets runs go in parallel.
 */
export async function convertWithLibreOffice(bytes: Uint8Array, timeoutMs = 60_000): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'pts-lo-'));
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  try {
    const input = join(dir, 'filled.xlsx');
    const outDir = join(dir, 'out');
    await writeFile(input, bytes);
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, input], {
      timeout: timeoutMs,
    });
    return new Uint8Array(await readFile(join(outDir, 'filled.xlsx')));
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}
