/**
 * `npm start`: DynamoDB Local with its data under .data/, the API on http://127.0.0.1:3001
 * (PTS_API_PORT), the task pane on https://localhost:3000 (PTS_PANE_PORT); prints the URLs and a token
 * per demo user, and nothing else: every log line (Powertools JSON lines, one request line per API call,
 * Node's warnings) goes to .data/logs/api.log. Ctrl-C (SIGINT) or SIGTERM stops everything, DynamoDB Local included.
 *
 * For tests and odd setups: PTS_DATA_DIR (default .data), PTS_DYNAMODB_ENDPOINT (a running DynamoDB Local),
 * PTS_PANE_DIR (default dist/addin), PTS_TABLE_NAME.
 */
import { mkdirSync, openSync, writeSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Role } from '#shared/api/caller-claims';
import { redactLogValue } from '../middleware/redact-log-value';

type WriteCallback = (error?: Error | null) => void;

/** Sends everything written to stdout and stderr into `file` (appended, synchronously, so a crash loses nothing); returns the terminal's own writers. */
function redirectOutputTo(file: string): { out: (text: string) => void; err: (text: string) => void } {
  const fd = openSync(file, 'a');
  const terminalOut = process.stdout.write.bind(process.stdout);
  const terminalErr = process.stderr.write.bind(process.stderr);
  const toLog = (chunk: string | Uint8Array, encodingOrCallback?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean => {
    writeSync(fd, typeof chunk === 'string' ? Buffer.from(chunk, typeof encodingOrCallback === 'string' ? encodingOrCallback : 'utf8') : chunk);
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    done?.(null);
    return true;
  };
  process.stdout.write = toLog as typeof process.stdout.write;
  process.stderr.write = toLog as typeof process.stderr.write;
  return { out: (text) => void terminalOut(text), err: (text) => void terminalErr(text) };
}

const DEMO_USERS: Record<Role, string> = {
  outlet_head: '网点 3301001 主任 / head of outlet 3301001',
  subbranch_manager: '支行 3301 个金经理 / manager of sub-branch 3301',
  auditor: '总行审计 / head-office auditor',
};

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..', '..');
  const dataDir = resolve(process.env.PTS_DATA_DIR || resolve(root, '.data'));
  const logFile = resolve(dataDir, 'logs', 'api.log');
  mkdirSync(resolve(dataDir, 'logs'), { recursive: true });

  // Set before the handlers are loaded (their logger and metrics read these once): JSON logs at INFO, no
  // CloudWatch metrics lines, no AWS SDK Node-version notice.
  process.env.POWERTOOLS_LOG_LEVEL ||= 'INFO';
  process.env.POWERTOOLS_METRICS_DISABLED ||= 'true';
  process.env.POWERTOOLS_SERVICE_NAME ||= 'pts';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ||= 'true';
  const terminal = redirectOutputTo(logFile);
  // Last line of defence (the servers already turn every failure into an answer): no request may end the
  // local stack, so a stray error is logged, told in one line, and the servers keep serving.
  const keepServing = (kind: string) => (reason: unknown) => {
    const error = reason instanceof Error ? reason : new Error(String(reason));
    console.error(JSON.stringify({ level: 'ERROR', message: kind, error: error.name, stack: redactLogValue('stack', error.stack ?? '') }));
    terminal.err(`本地环境内部错误（已记录，继续运行）/ local stack error (logged, still running): ${logFile}\n`);
  };
  process.on('uncaughtException', keepServing('uncaught exception'));
  process.on('unhandledRejection', keepServing('unhandled rejection'));

  const { startLocalStack } = await import('./local-stack');
  const stack = await startLocalStack({
    dataDir,
    dynamoEndpoint: process.env.PTS_DYNAMODB_ENDPOINT || undefined,
    paneDir: resolve(process.env.PTS_PANE_DIR || resolve(root, 'dist', 'addin')),
    onProgress: (message) => terminal.out(`${message}\n`),
    requestLog: (entry) => console.log(JSON.stringify({ ...entry, timestamp: new Date().toISOString(), service: 'pts-local' })),
  });
  const nearby = relative(process.cwd(), logFile);
  const shownLog = nearby && !nearby.startsWith('..') ? nearby : logFile;
  const lines = [
    '',
    `PTS 本地环境已启动 / local stack is up${stack.seeded ? '（已写入演示数据 / demo data seeded）' : ''}`,
    `  API            ${stack.apiUrl}`,
    `  任务窗格 pane   ${stack.paneUrl ? `${stack.paneUrl}/taskpane.html   (浏览器 / browser: ${stack.paneUrl}/taskpane.html?host=memory)` : '(未启动 / not started)'}`,
    ...(stack.paneUrl ? [`  网页版 web      ${stack.paneUrl}/web.html   (WPS / LibreOffice 用户打开 .xlsx / open an .xlsx in any browser)`] : []),
    `  日志 logs       ${shownLog}`,
    ...stack.warnings.map((warning) => `  注意 note       ${warning}`),
    '',
    '  演示用户 demo users（支行 3301 城东支行；Authorization: Bearer 令牌 / token）:',
    ...Object.entries(stack.tokens).flatMap(([role, token]) => [`  ${role.padEnd(18)} ${DEMO_USERS[role as Role]}`, `  ${token}`]),
    '',
    `  其他令牌 more tokens: curl -s -X POST ${stack.apiUrl}/local/token -d '{"role":"outlet_head","outlet":"3301002"}'`,
    '  按 Ctrl-C 停止 / Ctrl-C stops',
    '',
  ];
  terminal.out(`${lines.join('\n')}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    terminal.out(`\n${signal}: 正在停止 / stopping…\n`);
    stack.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: Error) => {
  // Written before or after the redirect: process.stderr may be the log file; the terminal also gets one line.
  console.error(JSON.stringify({ level: 'ERROR', message: 'local stack failed to start', error: redactLogValue('error', error.message) }));
  process.exitCode = 1;
  try {
    writeSync(2, `本地环境启动失败 / local stack failed to start: ${error.message}\n`);
  } catch {
    // no terminal
  }
  process.exit(1);
});
