/**
 * Hostile uploads through the real local API (HTTP on 127.0.0.1, DynamoDB Local): a zip bomb and a
 * worksheet of 200,000 rows are refused with 413 and a code naming the cap, in bounded time, and
 * each refusal is in the auditor's view as a rejected attempt of the outlet (issue 9).
 */
import '../helpers/env';
import { manyRowsWorkbook, zipBomb } from '#bench/_lib/zip-bomb';
import { startLocalStack, type LocalStack } from '#functions/local/local-stack';
import type { SubBranchAudit } from '#shared/api/audit-view';
import type { ApiErrorBody } from '#shared/api/error-body';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';
import { testEndpoint } from '../helpers/test-table';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The seeded demo sub-branch (as the local-stack test; no other sub-branch is added to its audit overview) and its outlet 3301001. */
const SUB_BRANCH = '3301';
const OUTLET = '3301001';

/** Its own table on the run's DynamoDB Local: other files start local stacks too. */
const TABLE = `pts-local-hostile-${process.pid}`;

describe('local API: hostile uploads', () => {
  let stack: LocalStack;
  const call = (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${stack.apiUrl}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) }, signal: AbortSignal.timeout(30_000) });
  const postXlsx = async (bytes: Uint8Array) => {
    const started = Date.now();
    const response = await call('/submissions', stack.tokens.outlet_head, { method: 'POST', headers: { 'content-type': XLSX_TYPE }, body: Buffer.from(bytes) });
    return { status: response.status, body: (await response.json()) as ApiErrorBody, ms: Date.now() - started };
  };

  beforeAll(async () => {
    stack = await startLocalStack({ apiPort: 0, dynamoEndpoint: testEndpoint(), tableName: TABLE, seed: true });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('refuses a zip bomb (1 MB inflating to 1 GB, its size hidden) with 413 upload-too-large naming the 32 MB cap', async () => {
    // Act
    const answer = await postXlsx(zipBomb({ unpackedMb: 1024, declared: 'small' }));
    // Assess
    expect([answer.status, answer.body.code]).toEqual([413, 'upload-too-large']);
    expect(answer.body.message_zh).toContain('超过解压上限 32 MB');
    expect(answer.body.message_en).toContain('unpacked-size cap of 32 MB');
    expect(answer.ms).toBeLessThan(15_000);
  });

  it('refuses a worksheet of 200,000 rows with 413 too-many-rows naming the row cap', async () => {
    const answer = await postXlsx(manyRowsWorkbook(200_000));
    expect([answer.status, answer.body.code]).toEqual([413, 'too-many-rows']);
    expect(answer.body.message_zh).toContain('超过上限 6004 行');
    expect(answer.ms).toBeLessThan(15_000);
  });

  it('lists both refusals in the audit as rejected attempts of the outlet, with the cap findings', async () => {
    // Act
    const response = await call(`/audit?date=${isoDateInTimeZone(new Date(), CAMPAIGN_TIME_ZONE)}&subBranch=${SUB_BRANCH}`, stack.tokens.auditor);
    // Assess
    const audit = (await response.json()) as SubBranchAudit;
    const outlet = audit.outlets.find((o) => o.outlet === OUTLET);
    expect(response.status).toBe(200);
    expect(outlet?.rejectedAttempts.map((r) => [r.template, r.errorCount, r.findings.map((f) => f.code)]).sort()).toEqual([
      [null, 1, ['too-many-rows']],
      [null, 1, ['upload-too-large']],
    ]);
  });
});
