/**
 * No request ends the local stack: malformed %-escapes in a path and a body that is no JSON are 400s
 * (API and task pane server alike), the answer carries no parser text, and both servers keep serving.
 */
import '../helpers/env';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalStack, type LocalStack } from '#functions/local/local-stack';
import { testEndpoint } from '../helpers/test-table';

/** One https GET to the pane server (self-signed certificate), with a deadline. */
function paneGet(baseUrl: string, rawPath: string): Promise<{ status: number; body: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { hostname: '127.0.0.1', port: url.port, path: rawPath, method: 'GET', rejectUnauthorized: false, timeout: 15_000 },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from the pane server for ${rawPath} within 15 s`)));
    req.on('error', reject);
    req.end();
  });
}

/** Its own table on the run's DynamoDB Local: other files start local stacks too. */
const TABLE = `pts-local-robust-${process.pid}`;

describe('local stack: malformed requests are answers, not crashes', () => {
  let stack: LocalStack;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'pts-robust-'));
    const paneDir = path.join(dataDir, 'pane');
    mkdirSync(paneDir);
    writeFileSync(path.join(paneDir, 'taskpane.html'), '<!doctype html><title>pane</title>');
    process.env.PTS_PANE_PORT = '0';
    stack = await startLocalStack({ apiPort: 0, dynamoEndpoint: testEndpoint(), tableName: TABLE, seed: false, dataDir, paneDir });
  });
  afterAll(async () => {
    await stack?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 400 bad-path for a malformed %-escape in an API path, and keeps serving', async () => {
    // Act
    const bad = await fetch(`${stack.apiUrl}/submissions/%E0%A4%A/invite-daily/2026-12-03`, { headers: { authorization: `Bearer ${stack.tokens.auditor}` } });
    const health = await fetch(`${stack.apiUrl}/health`);
    // Assess
    expect([bad.status, ((await bad.json()) as { code: string }).code, health.status]).toEqual([400, 'bad-path', 200]);
  });

  it('answers 400 for a /local/token body that is no JSON, without the parser text', async () => {
    // Act
    const response = await fetch(`${stack.apiUrl}/local/token`, { method: 'POST', body: '{"role": outlet_head' });
    const body = (await response.json()) as { code: string; message_zh: string; message_en: string };
    // Assess
    expect([response.status, body.code]).toEqual([400, 'bad-request']);
    expect(body.message_en).toBe('the request body is not valid JSON');
    expect(JSON.stringify(body)).not.toMatch(/Unexpected token|position \d+/);
  });

  it('answers five concurrent 0000-01-01..9999-12-31 consolidated requests with 400 at once, and /health stays quick', async () => {
    // Prepare
    const huge = `${stack.apiUrl}/consolidated?template=invite-daily&subBranch=3301&from=0000-01-01&to=9999-12-31`;
    const headers = { authorization: `Bearer ${stack.tokens.subbranch_manager}` };
    // Act
    const started = Date.now();
    const [health, ...ranged] = await Promise.all([
      (async () => {
        const response = await fetch(`${stack.apiUrl}/health`);
        return { status: response.status, ms: Date.now() - started };
      })(),
      ...Array.from({ length: 5 }, () => fetch(huge, { headers }).then((r) => r.status)),
    ]);
    const allMs = Date.now() - started;
    // Assess: these once took 3–5 s of CPU each and held /health for 11 s; a loaded machine still answers in well under 5 s
    expect(ranged).toEqual([400, 400, 400, 400, 400]);
    expect(health.status).toBe(200);
    expect(allMs).toBeLessThan(5000);
  });

  it('answers 400 from the task pane server for /%E0%A4%A (no sign-in), and the pane and the API stay up', async () => {
    // Act
    const bad = await paneGet(stack.paneUrl as string, '/%E0%A4%A');
    const page = await paneGet(stack.paneUrl as string, '/taskpane.html');
    const health = await fetch(`${stack.apiUrl}/health`);
    // Assess
    expect([bad.status, (JSON.parse(bad.body) as { code: string }).code, page.status, health.status]).toEqual([400, 'bad-path', 200, 200]);
  });
});
