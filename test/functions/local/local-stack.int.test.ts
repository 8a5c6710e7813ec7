import '../helpers/env';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';
import { startLocalStack, type LocalStack } from '#functions/local/local-stack';
import { testEndpoint } from '../helpers/test-table';

/** Its own table on the run's DynamoDB Local: other files start local stacks too. */
const TABLE = `pts-local-stack-${process.pid}`;

describe('startLocalStack', () => {
  let stack: LocalStack;
  const call = (path: string, token?: string, init: RequestInit = {}) =>
    fetch(`${stack.apiUrl}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) } });
  const tokenFor = async (request: Record<string, string>) =>
    ((await (await call('/local/token', undefined, { method: 'POST', body: JSON.stringify(request) })).json()) as { token: string }).token;

  beforeAll(async () => {
    stack = await startLocalStack({ apiPort: 0, dynamoEndpoint: testEndpoint(), tableName: TABLE, seed: true });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('seeds the demo sub-branch: yesterday has 10 outlets ranked, one of them late', async () => {
    // Prepare
    const yesterday = new Date(Date.now() - 86_400_000);
    const day = isoDateInTimeZone(yesterday, CAMPAIGN_TIME_ZONE);
    // Act
    const summary = await call(`/consolidated?template=invite-daily&subBranch=3301&from=${day}&to=${day}`, stack.tokens.subbranch_manager);
    const audit = await call(`/audit?date=${day}`, stack.tokens.auditor);
    // Assess
    expect(stack.seeded).toBe(true);
    expect(((await summary.json()) as { outlets: unknown[] }).outlets).toHaveLength(10);
    expect(((await audit.json()) as { subBranches: unknown[] }).subBranches).toEqual([
      { subBranch: '3301', name: '城东支行', expected: 10, reported: 10, onTime: 9, late: 1, nonCompliant: 1, rejectedAttempts: 1 },
    ]);
  });

  it('serves the handlers through real HTTP with tokens it signs: 200 in scope, 403 out of it, 401 without a valid token', async () => {
    // Prepare
    const foreignManager = await tokenFor({ role: 'subbranch_manager', subBranch: '3302' });
    const path = '/consolidated?template=invite-daily&subBranch=3301';
    // Act
    const statuses = [
      (await call(path, stack.tokens.subbranch_manager)).status,
      (await call(path, foreignManager)).status,
      (await call(path, 'not-a-token')).status,
      (await call(path)).status,
      (await call('/health')).status,
    ];
    // Assess
    expect(statuses).toEqual([200, 403, 401, 401, 200]);
  });

  it('answers CORS preflights of the task pane origin', async () => {
    // Act
    const response = await call('/submissions', undefined, { method: 'OPTIONS', headers: { origin: 'https://localhost:3000' } });
    // Assess
    expect([response.status, response.headers.get('access-control-allow-origin')]).toEqual([204, 'https://localhost:3000']);
  });

  it('keeps the data on a second start (no second seeding)', async () => {
    // Act
    const again = await startLocalStack({ apiPort: 0, dynamoEndpoint: testEndpoint(), tableName: TABLE, seed: true });
    await again.close();
    // Assess
    expect(again.seeded).toBe(false);
  });
});
