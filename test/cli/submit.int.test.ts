import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inviteHeader, inviteRow, makeWorkDir, writeFilledInvite } from './_lib/fixtures';
import { ensureCliBuilt, runPts } from './_lib/run-pts';

interface Received {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/**
 * A stand-in for the API on 127.0.0.1 that records the request and answers with `status` and `body`;
 * the first `busyFirst` requests get a 503 with `Retry-After: 0` instead.
 */
async function startApi(status: number, body: unknown, busyFirst = 0): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
      if (received.length <= busyFirst) {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' });
        res.end(JSON.stringify({ code: 'submission-contention', message_zh: '同一报表正被同时多次提交，未保存，请稍后重试', message_en: 'busy' }));
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

beforeAll(() => ensureCliBuilt(), 120_000);

describe('pts submit', () => {
  let file: string;
  let servers: Server[] = [];

  beforeAll(async () => {
    const { dir } = makeWorkDir();
    file = await writeFilledInvite(dir, 'a.xlsx', { header: inviteHeader('3301001'), rows: [inviteRow('王五', false)] });
  });

  afterEach(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    servers = [];
  });

  it('sends the same file again with the same Idempotency-Key after a 503, as its Retry-After says, and reports the final answer', async () => {
    // Prepare
    const api = await startApi(201, { submission: { version: 1 } }, 2);
    servers.push(api.server);
    // Act
    const result = await runPts(['submit', file, '--api', api.url, '--token', 'tok']);
    // Assess
    expect(result.code).toBe(0);
    expect(api.received).toHaveLength(3);
    expect(new Set(api.received.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(result.stderr).toContain('服务器繁忙');
  });

  it('gives up after five 503s with one clear line and exit 2', async () => {
    // Prepare
    const api = await startApi(201, {}, 99);
    servers.push(api.server);
    // Act
    const result = await runPts(['submit', file, '--api', api.url, '--token', 'tok']);
    // Assess
    expect([result.code, api.received.length]).toEqual([2, 5]);
    expect(result.stderr).toMatch(/提交失败（HTTP 503 submission-contention）/);
  });

  it('posts the raw .xlsx with its content type, the bearer token and the SHA-256 as Idempotency-Key', async () => {
    // Prepare
    const api = await startApi(201, { outlet: '3301001', template: 'invite-daily', period: '2026-12-01', status: 'accepted' });
    servers.push(api.server);
    // Act
    const result = await runPts(['submit', file, '--api', `${api.url}/`, '--token', 'tok-123']);
    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('submitted');
    expect(result.stdout).toContain('"status": "accepted"');
    const [request] = api.received;
    const bytes = readFileSync(file);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/submissions');
    expect(request.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(request.headers.authorization).toBe('Bearer tok-123');
    expect(request.headers['idempotency-key']).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(request.body.equals(bytes)).toBe(true);
  });

  it('prints the findings of a 422 as compiler-style lines and exits 1', async () => {
    const finding = { code: 'enum-error', severity: 'error', address: '邀约明细!E5', value: '中端客户', message_zh: '不在可选范围内', message_en: 'not one of the values', fix: null };
    const api = await startApi(422, { code: 'sheet-has-errors', message_zh: '表格有错误', message_en: 'the sheet has errors', findings: [finding] });
    servers.push(api.server);
    const result = await runPts(['submit', file, '--api', api.url, '--token', 't']);
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toBe(`${file} 邀约明细!E5 error enum-error 不在可选范围内 (not one of the values)`);
    expect(result.stderr).toContain('rejected by the server');
  });

  it('turns another refusal into one line and exit 2', async () => {
    const api = await startApi(403, { code: 'forbidden', message_zh: '无权提交该网点', message_en: 'not allowed for this outlet' });
    servers.push(api.server);
    const result = await runPts(['submit', file, '--api', api.url, '--token', 't']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('HTTP 403');
    expect(result.stderr).toContain('not allowed for this outlet');
  });

  it('exits 2 with one line when the API cannot be reached', async () => {
    const api = await startApi(200, {});
    const url = api.url;
    await new Promise((resolve) => api.server.close(resolve));
    const result = await runPts(['submit', file, '--api', url, '--token', 't']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('cannot reach');
  });

  it('needs --api and --token', async () => {
    const result = await runPts(['submit', file, '--token', 't']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('needs --api');
  });
});
