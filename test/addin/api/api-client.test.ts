import { ApiClient, userFromToken, type FetchLike } from '#addin/api/api-client';
import { retryAfterSeconds } from '#shared/api/retry-after-seconds';
import { Outbox, OUTBOX_STORAGE_KEY, type StorageLike } from '#addin/api/outbox';
import type { WorkbookGrid } from '#shared/grid/types';
import { storedSubmission, submissionVersion } from './api-answers';

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256' })}.${part(claims)}.sig`;
}

function recordingFetch(answers: (Response | Error)[]) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    calls.push({ url, ...(init ? { init } : {}) });
    const next = answers.shift();
    if (!next) throw new Error('no answer left');
    if (next instanceof Error) throw next;
    return next;
  };
  return { calls, fetchImpl };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const workbook: WorkbookGrid = { sheets: [{ sheetName: '邀约明细', values: [['网点客户邀约每日明细表']] }], identities: [{ sheetName: '邀约明细', id: 'invite-daily', version: 1 }] };

describe('ApiClient', () => {
  it('posts the workbook as JSON with the bearer token and the idempotency key', async () => {
    const accepted = { submission: submissionVersion(), findings: [] };
    const { calls, fetchImpl } = recordingFetch([json(201, accepted)]);
    const api = new ApiClient('https://pane/api', 'T0KEN', fetchImpl);

    const result = await api.postSubmission(workbook, 'key-1');

    expect(result).toEqual({ ok: true, status: 201, value: accepted });
    expect(calls[0].url).toBe('https://pane/api/submissions');
    expect(calls[0].init?.method).toBe('POST');
    expect(calls[0].init?.headers).toMatchObject({ authorization: 'Bearer T0KEN', 'idempotency-key': 'key-1', 'content-type': 'application/json' });
    expect(JSON.parse(String(calls[0].init?.body))).toEqual(workbook);
  });

  it('builds the consolidated query with rows=1', async () => {
    const { calls, fetchImpl } = recordingFetch([json(200, { outlets: [], missing: [] })]);
    await new ApiClient('/api', 't', fetchImpl).getConsolidated({ template: 'invite-daily', subBranch: '3301', from: '2026-12-01', to: '2026-12-07', rows: true });
    expect(calls[0].url).toBe('/api/consolidated?template=invite-daily&subBranch=3301&from=2026-12-01&to=2026-12-07&rows=1');
  });

  it('returns the server error body as a typed failure, findings included', async () => {
    const body = { code: 'sheet-has-errors', message_zh: '表格有 1 处错误', message_en: 'the sheet has 1 error', findings: [{ code: 'enum-error', severity: 'error', address: '邀约明细!E12', row: 12, column: 'E', value: '中端客户', message_zh: '不在可选范围内', message_en: 'not allowed', fix: null }] };
    const { fetchImpl } = recordingFetch([json(422, body)]);
    const result = await new ApiClient('/api', 't', fetchImpl).postSubmission(workbook, 'k');
    expect(result).toEqual({ ok: false, kind: 'http', status: 422, ...body });
  });

  it('says offline, in Chinese, when the network fails', async () => {
    const { fetchImpl } = recordingFetch([new TypeError('Failed to fetch')]);
    const result = await new ApiClient('/api', 't', fetchImpl).getAudit('2026-12-01');
    expect(result).toMatchObject({ ok: false, kind: 'offline', message_zh: '无法连接服务器（Failed to fetch）' });
  });

  it('treats the pane server’s 502 api-unreachable as offline', async () => {
    const { fetchImpl } = recordingFetch([json(502, { code: 'api-unreachable', message_zh: '无法连接服务器', message_en: 'x' })]);
    const result = await new ApiClient('/api', 't', fetchImpl).getTemplates();
    expect(result).toMatchObject({ ok: false, kind: 'offline' });
  });

  it('names a non-JSON failure by its status', async () => {
    const { fetchImpl } = recordingFetch([new Response('<html>', { status: 500 })]);
    const result = await new ApiClient('/api', 't', fetchImpl).getTemplates();
    expect(result).toMatchObject({ ok: false, kind: 'bad-response', status: 500, code: 'http-500', message_zh: '服务器返回错误 500' });
  });
});

describe('ApiClient: answers of the wrong shape', () => {
  it('refuses a success answer that does not have the contract shape, naming the route and the field in Chinese and English', async () => {
    // Prepare: a submission view whose rows are missing
    const { fetchImpl } = recordingFetch([json(200, { submission: storedSubmission(), findings: [] })]);
    // Act
    const result = await new ApiClient('/api', 't', fetchImpl).getSubmission('3301001', 'invite-daily', '2026-12-01');
    // Assess
    expect(result).toMatchObject({ ok: false, kind: 'bad-response', status: 200, code: 'bad-response' });
    expect(result.ok ? '' : `${result.message_zh} | ${result.message_en}`).toMatch(
      /^服务器对 GET \/submissions\/3301001\/invite-daily\/2026-12-01 的应答格式无法识别（rows: .+） \| The API's answer to GET \/submissions\/3301001\/invite-daily\/2026-12-01 has an unexpected shape \(rows: .+\)$/,
    );
  });

  it('refuses a summary whose outlet lines are not lines, and an empty body, leaving the query out of the message', async () => {
    const { fetchImpl } = recordingFetch([json(200, { template: 'invite-daily', subBranch: '3301', from: 'a', to: 'b', ranking: 'rank.eq', outlets: [{ outlet: 1 }], missing: [], total: {} }), new Response('', { status: 200 })]);
    const api = new ApiClient('/api', 't', fetchImpl);
    const query = { template: 'invite-daily', subBranch: '3301', from: '2026-12-01', to: '2026-12-01' };
    const [lines, empty] = [await api.getConsolidated(query), await api.getTemplates()];
    expect([lines.ok ? '' : lines.message_en, empty.ok ? '' : empty.message_en]).toEqual([
      expect.stringMatching(/^The API's answer to GET \/consolidated has an unexpected shape \(outlets\.0\.outlet: /),
      expect.stringMatching(/^The API's answer to GET \/templates has an unexpected shape \(\(root\): /),
    ]);
  });

  it('does not take an error body of another shape as the server’s message', async () => {
    const { fetchImpl } = recordingFetch([json(409, { code: 'version-conflict', message: 'no zh' })]);
    const result = await new ApiClient('/api', 't', fetchImpl).putTemplate('invite-daily', 2, {});
    expect(result).toMatchObject({ ok: false, kind: 'bad-response', status: 409, code: 'http-409', message_zh: '服务器返回错误 409' });
  });
});

describe('userFromToken', () => {
  it('reads role and scope from the Cognito-style claims', () => {
    const token = jwt({ sub: 'u1', 'custom:role': 'outlet_head', 'custom:subBranch': '3301', 'custom:outlet': '3301001', name: '王主任' });
    expect(userFromToken(token)).toEqual({ token, role: 'outlet_head', subBranch: '3301', outlet: '3301001', name: '王主任' });
  });

  it('refuses a token without a known role', () => {
    expect(userFromToken(jwt({ sub: 'u1', 'custom:role': 'admin' }))).toBeNull();
    expect(userFromToken('not-a-jwt')).toBeNull();
  });
});

describe('Outbox', () => {
  function memoryStorage(): StorageLike & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  }

  it('keeps entries across instances and sends them later with the same idempotency key', async () => {
    // Prepare
    const storage = memoryStorage();
    new Outbox(storage).add({ idempotencyKey: 'key-7', workbook, label: '3301001 invite-daily 2026-12-01', queuedAt: '2026-12-01T10:00:00Z' });
    const { calls, fetchImpl } = recordingFetch([json(201, { submission: submissionVersion(), findings: [] })]);

    // Act
    const outcome = await new Outbox(storage).flush(new ApiClient('/api', 't', fetchImpl));

    // Assess
    expect(calls.map((c) => (c.init?.headers as Record<string, string>)['idempotency-key'])).toEqual(['key-7']);
    expect(outcome.sent).toHaveLength(1);
    expect(outcome.waiting).toBe(0);
    expect(JSON.parse(storage.data.get(OUTBOX_STORAGE_KEY)!)).toEqual([]);
  });

  it('keeps an entry the busy server (503) could not take, with its Retry-After, and the later ones behind it', async () => {
    const storage = memoryStorage();
    const outbox = new Outbox(storage);
    outbox.add({ idempotencyKey: 'a', workbook, label: 'a', queuedAt: 't' });
    outbox.add({ idempotencyKey: 'b', workbook, label: 'b', queuedAt: 't' });
    const busy = new Response(JSON.stringify({ code: 'submission-contention', message_zh: '繁忙', message_en: 'busy' }), { status: 503, headers: { 'retry-after': '7' } });
    const { calls, fetchImpl } = recordingFetch([busy]);

    const outcome = await outbox.flush(new ApiClient('/api', 't', fetchImpl));

    expect([calls.length, outcome.sent.length, outcome.refused.length, outcome.waiting, outcome.retryAfterSeconds]).toEqual([1, 0, 0, 2, 7]);
    expect(outbox.list().map((e) => e.idempotencyKey)).toEqual(['a', 'b']);
  });

  it('reads Retry-After as seconds or as an HTTP date, 5 s when absent', async () => {
    const { fetchImpl } = recordingFetch([new Response('{}', { status: 503 })]);
    const result = await new ApiClient('/api', 't', fetchImpl).postSubmission(workbook, 'k');
    expect(result).toMatchObject({ ok: false, kind: 'busy', status: 503, retryAfterSeconds: 5 });
    expect(retryAfterSeconds('Wed, 02 Dec 2026 10:00:30 GMT', { fallback: 5, min: 1, max: 300 }, Date.parse('2026-12-02T10:00:00Z'))).toBe(30);
    expect(retryAfterSeconds('0', { fallback: 5, min: 1, max: 300 })).toBe(1);
  });

  it('keeps what cannot be sent while offline, and drops what the server refuses', async () => {
    const storage = memoryStorage();
    const outbox = new Outbox(storage);
    outbox.add({ idempotencyKey: 'a', workbook, label: 'a', queuedAt: 't' });
    outbox.add({ idempotencyKey: 'b', workbook, label: 'b', queuedAt: 't' });
    const refused = json(422, { code: 'sheet-has-errors', message_zh: '有错误', message_en: 'errors' });
    const { fetchImpl } = recordingFetch([refused, new TypeError('offline')]);

    const outcome = await outbox.flush(new ApiClient('/api', 't', fetchImpl));

    expect(outcome.refused.map((r) => r.entry.idempotencyKey)).toEqual(['a']);
    expect(outcome.waiting).toBe(1);
    expect(outbox.list().map((e) => e.idempotencyKey)).toEqual(['b']);
  });
});
