/**
 * `npm start` (functions/src/local/start.ts) as a newcomer sees it: the first screen holds the URLs, the demo
 * users and their tokens, nothing else; requests add nothing to the screen, their JSON log lines go to
 * <data>/logs/api.log, with no phone number or token in them. Runs the real script as a child process on
 * loopback ports chosen by the OS, against the run's DynamoDB Local, with its own table.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testEndpoint } from '../helpers/test-table';

const REPO_ROOT = path.join(__dirname, '..', '..', '..');

async function waitFor<T>(what: string, deadlineMs: number, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${deadlineMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('npm start: a quiet first screen, logs in a file', () => {
  let child: ChildProcess | undefined;
  let dataDir: string;
  let stdout = '';
  let stderr = '';
  let banner = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'pts-start-'));
    const paneDir = path.join(dataDir, 'pane');
    mkdirSync(paneDir);
    writeFileSync(path.join(paneDir, 'taskpane.html'), '<!doctype html><title>pane</title>');
    child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'functions', 'src', 'local', 'start.ts')], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        POWERTOOLS_METRICS_DISABLED: '',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: '',
        AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING: '',
        PTS_DATA_DIR: dataDir,
        PTS_PANE_DIR: paneDir,
        PTS_API_PORT: '0',
        PTS_PANE_PORT: '0',
        PTS_DYNAMODB_ENDPOINT: testEndpoint(),
        PTS_TABLE_NAME: `start-${process.pid}-${Date.now()}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    banner = await waitFor('the start banner', 150_000, () => {
      if (child?.exitCode !== null) throw new Error(`npm start exited: ${stdout} ${stderr}`);
      return stdout.includes('Ctrl-C stops') ? stdout : undefined;
    });
  }, 180_000);

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      child.kill('SIGTERM');
      await waitFor('npm start to stop', 30_000, () => (child?.exitCode !== null ? true : undefined)).catch(() => child?.kill('SIGKILL'));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the URLs and the demo users with their tokens, and nothing else', () => {
    // Assess: no JSON log line, no warning, nothing on stderr
    const lines = banner.split('\n').filter((line) => line.trim() !== '');
    expect(stderr).toBe('');
    expect(banner).not.toMatch(/^\s*\{|Warning|NodeVersionSupport|_aws|CloudWatchMetrics/m);
    expect(banner).toMatch(/API\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(banner).toMatch(/任务窗格 pane\s+https:\/\/localhost:\d+\/taskpane\.html/);
    expect(['outlet_head', 'subbranch_manager', 'auditor'].every((role) => banner.includes(role))).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(16);
  });

  it('adds nothing to the screen for requests, and logs them as JSON lines under <data>/logs/api.log without tokens', async () => {
    // Prepare
    const apiUrl = /API\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] as string;
    const token = /^\s+(eyJ\S+)$/m.exec(banner)?.[1] as string;
    const logFile = path.join(dataDir, 'logs', 'api.log');
    // Act
    const statuses = [
      (await fetch(`${apiUrl}/health`)).status,
      (await fetch(`${apiUrl}/consolidated?template=invite-daily&subBranch=3301`, { headers: { authorization: `Bearer ${token}` } })).status,
      (await fetch(`${apiUrl}/submissions/13800138000/invite-daily/2026-12-03`, { headers: { authorization: `Bearer ${token}` } })).status,
    ];
    const log = await waitFor('three request lines in the log', 20_000, () => {
      const text = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      return (text.match(/"message":"request"/g) ?? []).length >= 3 ? text : undefined;
    });
    // Assess
    expect(statuses).toEqual([200, 200, 403]);
    expect(stdout).toBe(banner);
    const entries = log.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.filter((e) => e.message === 'request').map((e) => [e.method, e.status])).toEqual([
      ['GET', 200],
      ['GET', 200],
      ['GET', 403],
    ]);
    expect(log).not.toMatch(/13800138000|eyJ/);
  });
});
