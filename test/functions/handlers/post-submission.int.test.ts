import '../helpers/env';
import { setDefaultTable } from '#functions/adapters/dynamo';
import { handler as postSubmission } from '#functions/handlers/post-submission';
import { handler as getTemplates } from '#functions/handlers/get-templates';
import { XLSX_CONTENT_TYPE } from '#functions/middleware/responses';
import { fillTemplate } from '../../shared/xlsx/_lib/fill-template';
import { bodyOf, claimsFor, httpEvent, lambdaContext } from '../helpers/events';
import { useFixedDate } from '../helpers/fixed-clock';
import { createScenario, inviteSheet, inviteSpec, ON_TIME, type Scenario } from '../helpers/scenario';

const head = (outlet: string) => claimsFor('outlet_head', { subBranch: '3301', outlet });
const post = (body: string, headers: Record<string, string>, options: { base64?: boolean; outlet?: string } = {}) =>
  postSubmission(
    httpEvent({ method: 'POST', path: '/submissions', headers, body, isBase64Encoded: options.base64 ?? false, claims: head(options.outlet ?? '3301001') }),
    lambdaContext,
  );

describe('POST /submissions bodies', () => {
  let s: Scenario;
  let xlsx: Uint8Array;
  beforeAll(async () => {
    // The handler reads the wall clock: fix it on the day the posted sheets report (ON_TIME, 2026-12-03 18:00 in Shanghai).
    useFixedDate(ON_TIME);
    s = await createScenario('post');
    process.env.TABLE_NAME = s.table.tableName;
    setDefaultTable(s.table);
    const grid = inviteSheet(s.organisation, 0, 3);
    const values = grid.sheets[0].values;
    const rows = values.slice(inviteSpec.firstDataRow - 1).map((row) => Object.fromEntries(row.map((v, c) => [String.fromCharCode(65 + c), v]).filter(([, v]) => v !== null)));
    xlsx = await fillTemplate(inviteSpec, { header: { subBranch: '城东支行', outlet: s.organisation.outlets[0].name, reportDate: '2026-12-03', submitter: '主任' }, rows });
  });

  afterAll(() => {
    jest.useRealTimers();
  });

  it('takes a raw .xlsx body (base64, its content type) and stores it', async () => {
    // Act
    const result = await post(Buffer.from(xlsx).toString('base64'), { 'content-type': XLSX_CONTENT_TYPE }, { base64: true });
    // Assess
    expect(result.statusCode).toBe(201);
    expect((bodyOf(result).submission as { rowCount: number }).rowCount).toBe(3);
  });

  it('answers 400 for a truncated .xlsx', async () => {
    // Prepare
    const truncated = Buffer.from(xlsx.subarray(0, Math.floor(xlsx.length / 2))).toString('base64');
    // Act
    const result = await post(truncated, { 'content-type': XLSX_CONTENT_TYPE }, { base64: true });
    // Assess
    expect(result.statusCode).toBe(400);
    expect(bodyOf(result)).toMatchObject({ code: expect.any(String), message_zh: expect.any(String), message_en: expect.any(String) });
  });

  it('answers 413 for a body above 5 MB', async () => {
    // Prepare
    const huge = Buffer.alloc(5 * 1024 * 1024 + 1, 65).toString('base64');
    // Act
    const result = await post(huge, { 'content-type': XLSX_CONTENT_TYPE }, { base64: true });
    // Assess
    expect([result.statusCode, bodyOf(result).code]).toEqual([413, 'payload-too-large']);
  });

  it('answers 400 for JSON that is no workbook', async () => {
    // Act
    const result = await post(JSON.stringify({ sheets: 'no' }), { 'content-type': 'application/json' });
    // Assess
    expect([result.statusCode, bodyOf(result).code]).toEqual([400, 'bad-request']);
  });

  it('answers the same request twice with one answer (Idempotency-Key), flagged as replayed', async () => {
    // Prepare
    const body = JSON.stringify(inviteSheet(s.organisation, 1, 4));
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'retry-1' };
    // Act
    const first = await post(body, headers, { outlet: '3301002' });
    const second = await post(body, headers, { outlet: '3301002' });
    // Assess
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.body).toBe(first.body);
    expect(second.headers?.['idempotent-replayed']).toBe('true');
    expect((bodyOf(second).submission as { version: number }).version).toBe(1);
  });

  describe('with USER_POOL_ID set (bearer verified again with aws-jwt-verify)', () => {
    beforeAll(() => {
      process.env.USER_POOL_ID = 'eu-west-1_AbCdEfGhI';
      process.env.USER_POOL_CLIENT_ID = 'client';
    });
    afterAll(() => {
      delete process.env.USER_POOL_ID;
      delete process.env.USER_POOL_CLIENT_ID;
    });

    it.each([
      ['no bearer', {}],
      ['a bearer that is no JWT', { authorization: 'Bearer not-a-jwt' }],
    ])('answers 401 to %s even when claims are present', async (_case, headers) => {
      // Act
      const result = await getTemplates(httpEvent({ path: '/templates', headers, claims: claimsFor('auditor') }), lambdaContext);
      // Assess
      expect([result.statusCode, bodyOf(result).code]).toEqual([401, 'unauthorized']);
    });
  });
});
