/**
 * Fills an .xlsx in LibreOffice Calc (headless) as a person would type it, through the UNO API
 * (type-in-libreoffice.py: each text entered as typing and Enter), then saves it as .xlsx again.
 * Needs LibreOffice's Python bridge: Debian python3-uno, run with the system Python.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The system Python (the one python3-uno installs its `uno` module for), not a pyenv or venv one. */
const SYSTEM_PYTHON = '/usr/bin/python3';
const SCRIPT = path.join(__dirname, 'type-in-libreoffice.py');

export async function typeInLibreOffice(bytes: Uint8Array, sheet: string, cells: Record<string, string>, timeoutMs = 300_000): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pts-uno-'));
  const profile = path.join(tmpdir(), `lo-${randomUUID()}`);
  try {
    const input = path.join(dir, 'in.xlsx');
    const output = path.join(dir, 'out.xlsx');
    await writeFile(input, bytes);
    await new Promise<void>((resolve, reject) => {
      const child = execFile(SYSTEM_PYTHON, [SCRIPT], { timeout: timeoutMs }, (error, _stdout, stderr) =>
        error ? reject(new Error(`LibreOffice typing failed: ${error.message}\n${stderr}`)) : resolve(),
      );
      child.stdin?.end(JSON.stringify({ input, output, sheet, cells, profile }));
    });
    return new Uint8Array(await readFile(output));
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}
