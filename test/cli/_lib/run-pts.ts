import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const BUNDLE = join(ROOT, 'dist', 'cli.cjs');
const LOCK = join(ROOT, 'dist', '.cli-build-lock');
const SOURCES = ['cli/src', 'shared/src', 'shared/templates'].map((dir) => join(ROOT, dir));

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  try {
    return statSync(BUNDLE).mtimeMs < Math.max(...SOURCES.map(newestSourceMtime));
  } catch {
    return true;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds dist/cli.cjs with `npm run build`'s script when it is missing or older than the sources, so the
 * tests run the real `pts` (bin/pts.cjs). A lock directory keeps parallel Jest workers from building at once.
 */
export async function ensureCliBuilt(): Promise<void> {
  for (let waited = 0; isStale(); waited += 200) {
    mkdirSync(join(ROOT, 'dist'), { recursive: true });
    try {
      mkdirSync(LOCK);
    } catch {
      if (waited > 60_000) throw new Error('timed out waiting for another CLI build');
      await sleep(200);
      continue;
    }
    try {
      if (isStale()) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

export interface PtsResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/pts.cjs ...args` and collects its exit code and output. */
export function runPts(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<PtsResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'pts.cjs'), ...args],
      { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
