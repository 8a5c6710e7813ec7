import '../helpers/env';
import { setDefaultTable } from '#functions/adapters/dynamo';
import { handler as getAudit } from '#functions/handlers/get-audit';
import { handler as getConsolidated } from '#functions/handlers/get-consolidated';
import { handler as getConsolidatedXlsx } from '#functions/handlers/get-consolidated-xlsx';
import { handler as getHealth } from '#functions/handlers/get-health';
import { handler as getSubmission } from '#functions/handlers/get-submission';
import { handler as getTemplateXlsx } from '#functions/handlers/get-template-xlsx';
import { handler as getTemplates } from '#functions/handlers/get-templates';
import { handler as postSubmission } from '#functions/handlers/post-submission';
import { handler as putOrg } from '#functions/handlers/put-org';
import { handler as putTemplate } from '#functions/handlers/put-template';
import { submitWorkbook } from '#functions/services/submit-workbook';
import { bodyOf, claimsFor, httpEvent, lambdaContext } from '../helpers/events';
import { useFixedDate } from '../helpers/fixed-clock';
import { createScenario, inviteSheet, inviteSpec, jsonBody, outletHead, type Scenario } from '../helpers/scenario';

/** Callers of every role, in and out of scope of sub-branch 3301 and its outlet 3301001. */
const who = {
  ownHead: claimsFor('outlet_head', { subBranch: '3301', outlet: '3301001' }),
  siblingHead: claimsFor('outlet_head', { subBranch: '3301', outlet: '3301002' }),
  foreignHead: claimsFor('outlet_head', { subBranch: '3302', outlet: '3302001' }),
  manager: claimsFor('subbranch_manager', { subBranch: '3301' }),
  foreignManager: claimsFor('subbranch_manager', { subBranch: '3302' }),
  auditor: claimsFor('auditor'),
  unknownRole: { sub: 'x', 'custom:role': 'janitor' },
  none: undefined,
};
type Who = keyof typeof who;

describe('HTTP routes by role and scope', () => {
  let s: Scenario;
  beforeAll(async () => {
    // The handlers read the wall clock: fix it on the day the posted sheets report (2026-12-05, 18:00 in Shanghai).
    useFixedDate(new Date('2026-12-05T10:00:00Z'));
    s = await createScenario('routes');
    process.env.TABLE_NAME = s.table.tableName;
    setDefaultTable(s.table);
    await submitWorkbook(s.deps, { caller: outletHead(s.organisation, 0), ...jsonBody(inviteSheet(s.organisation, 0, 4)) });
  });

  afterAll(() => {
    jest.useRealTimers();
  });

  it('GET /health answers anyone', async () => {
    // Act
    const result = await getHealth(httpEvent({ path: '/health' }), lambdaContext);
    // Assess
    expect([result.statusCode, bodyOf(result).status]).toEqual([200, 'ok']);
  });

  const submission = (caller: Who, outletIndex = 0) =>
    postSubmission(
      httpEvent({
        method: 'POST',
        path: '/submissions',
        headers: { 'content-type': 'application/json' },
        body: jsonBody(inviteSheet(s.organisation, outletIndex, 3, '2026-12-05')).body,
        claims: who[caller],
      }),
      lambdaContext,
    );
  it.each<[Who, number, number]>([
    ['ownHead', 0, 201],
    ['ownHead', 1, 403],
    ['siblingHead', 0, 403],
    ['foreignHead', 0, 403],
    ['manager', 0, 403],
    ['auditor', 0, 403],
    ['unknownRole', 0, 403],
    ['none', 0, 401],
  ])('POST /submissions by %s for outlet #%i answers %i', async (caller, outletIndex, status) => {
    // Act
    const result = await submission(caller, outletIndex);
    // Assess
    expect(result.statusCode).toBe(status);
  });

  const readSubmission = (caller: Who) =>
    getSubmission(
      httpEvent({
        path: '/submissions/3301001/invite-daily/2026-12-03',
        pathParameters: { outlet: '3301001', template: 'invite-daily', period: '2026-12-03' },
        claims: who[caller],
      }),
      lambdaContext,
    );
  it.each<[Who, number, 'plain' | 'masked' | null]>([
    ['ownHead', 200, 'plain'],
    ['siblingHead', 403, null],
    ['foreignHead', 403, null],
    ['manager', 200, 'masked'],
    ['foreignManager', 403, null],
    ['auditor', 200, 'masked'],
    ['none', 401, null],
  ])('GET /submissions/{outlet}/… by %s answers %i with phones %s', async (caller, status, phones) => {
    // Act
    const result = await readSubmission(caller);
    // Assess
    expect(result.statusCode).toBe(status);
    if (phones) {
      const rows = bodyOf(result).rows as { values: Record<string, string | null> }[];
      const shown = rows.map((r) => r.values.C).filter((p): p is string => typeof p === 'string');
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((p) => (phones === 'masked' ? /^\d{3}\*{4}\d{4}$/ : /^\d{11}$/).test(p))).toBe(true);
    }
  });

  const consolidatedQuery = (subBranch: string) => ({ template: 'invite-daily', subBranch, from: '2026-12-03', to: '2026-12-03', rows: '1' });
  it.each<[Who, string, number, number | null]>([
    ['manager', '3301', 200, 1],
    ['auditor', '3301', 200, 1],
    ['ownHead', '3301', 200, 1],
    ['siblingHead', '3301', 200, 0],
    ['foreignHead', '3301', 403, null],
    ['foreignManager', '3301', 403, null],
    ['manager', '3302', 403, null],
    ['none', '3301', 401, null],
  ])('GET /consolidated by %s for %s answers %i with %s outlets of rows', async (caller, subBranch, status, rowOutlets) => {
    // Act
    const result = await getConsolidated(httpEvent({ path: '/consolidated', query: consolidatedQuery(subBranch), claims: who[caller] }), lambdaContext);
    // Assess
    expect(result.statusCode).toBe(status);
    if (rowOutlets !== null) {
      const body = bodyOf(result) as { outlets: { outlet: string; rank: number }[]; rows: unknown[]; missing: unknown[] };
      expect(body.outlets.map((o) => [o.outlet, o.rank])).toEqual([['3301001', 1]]);
      expect(body.missing).toHaveLength(9);
      expect(body.rows).toHaveLength(rowOutlets);
    }
  });

  it('GET /consolidated answers dense ranking on request, and 400 for a day that does not exist', async () => {
    // Act
    const dense = await getConsolidated(httpEvent({ path: '/consolidated', query: { ...consolidatedQuery('3301'), ranking: 'dense' }, claims: who.manager }), lambdaContext);
    const badDay = await getConsolidated(httpEvent({ path: '/consolidated', query: { ...consolidatedQuery('3301'), from: '2026-02-30' }, claims: who.manager }), lambdaContext);
    // Assess
    expect([dense.statusCode, bodyOf(dense).ranking]).toEqual([200, 'dense']);
    expect([badDay.statusCode, bodyOf(badDay).code]).toEqual([400, 'bad-period']);
  });

  it.each<[Who, string, number]>([
    ['manager', '3301', 200],
    ['auditor', '3301', 200],
    ['ownHead', '3301', 200],
    ['foreignManager', '3301', 403],
    ['foreignHead', '3301', 403],
    ['none', '3301', 401],
  ])('GET /consolidated.xlsx by %s for %s answers %i', async (caller, subBranch, status) => {
    // Act
    const result = await getConsolidatedXlsx(httpEvent({ path: '/consolidated.xlsx', query: consolidatedQuery(subBranch), claims: who[caller] }), lambdaContext);
    // Assess
    expect(result.statusCode).toBe(status);
    if (status === 200) {
      expect(result.isBase64Encoded).toBe(true);
      expect(Buffer.from(result.body ?? '', 'base64').subarray(0, 2).toString()).toBe('PK');
    }
  });

  it.each<[Who, string | undefined, number]>([
    ['auditor', undefined, 200],
    ['auditor', '3301', 200],
    ['manager', '3301', 403],
    ['manager', undefined, 403],
    ['ownHead', '3301', 403],
    ['none', undefined, 401],
  ])('GET /audit by %s (sub-branch %s) answers %i', async (caller, subBranch, status) => {
    // Act
    const query: Record<string, string> = { date: '2026-12-03', ...(subBranch ? { subBranch } : {}) };
    const result = await getAudit(httpEvent({ path: '/audit', query, claims: who[caller] }), lambdaContext);
    // Assess
    expect(result.statusCode).toBe(status);
  });

  it.each<[Who, number]>([
    ['ownHead', 200],
    ['manager', 200],
    ['auditor', 200],
    ['unknownRole', 403],
    ['none', 401],
  ])('GET /templates by %s answers %i', async (caller, status) => {
    // Act
    const result = await getTemplates(httpEvent({ path: '/templates', claims: who[caller] }), lambdaContext);
    // Assess
    expect(result.statusCode).toBe(status);
  });

  it.each<[Who, string, string, number]>([
    ['ownHead', 'invite-daily', '1.xlsx', 200],
    ['manager', 'activity-tracking', '1.xlsx', 200],
    ['auditor', 'sales-evaluation', '1', 200],
    ['auditor', 'invite-daily', '9.xlsx', 404],
    ['auditor', 'invite-daily', 'latest.xlsx', 400],
    ['none', 'invite-daily', '1.xlsx', 401],
  ])('GET /templates/{id}/{version}.xlsx by %s for %s %s answers %i', async (caller, id, version, status) => {
    // Act
    const result = await getTemplateXlsx(
      httpEvent({ path: `/templates/${id}/${version}`, pathParameters: { id, version }, claims: who[caller] }),
      lambdaContext,
    );
    // Assess
    expect(result.statusCode).toBe(status);
  });

  it.each<[Who, number]>([
    ['manager', 403],
    ['ownHead', 403],
    ['none', 401],
  ])('PUT /org/{subBranch} by %s answers %i', async (caller, status) => {
    // Act
    const result = await putOrg(
      httpEvent({ method: 'PUT', path: '/org/3301', pathParameters: { subBranch: '3301' }, body: JSON.stringify(s.organisation), claims: who[caller] }),
      lambdaContext,
    );
    // Assess
    expect(result.statusCode).toBe(status);
  });

  it('PUT /org/{subBranch} by an auditor stores the file, and refuses a body that is no organisation (400)', async () => {
    // Prepare
    const renamed = { ...s.other, name: '城西支行（新）' };
    const put = (body: string) =>
      putOrg(httpEvent({ method: 'PUT', path: '/org/3302', pathParameters: { subBranch: '3302' }, body, claims: who.auditor }), lambdaContext);
    // Act
    const stored = await put(JSON.stringify(renamed));
    const invalid = await put(JSON.stringify({ code: '3302' }));
    // Assess
    expect(stored.statusCode).toBe(200);
    expect((bodyOf(stored).organisation as { name: string }).name).toBe('城西支行（新）');
    expect([invalid.statusCode, bodyOf(invalid).code]).toEqual([400, 'bad-request']);
  });

  it('PUT /templates/{id}/{version} stores a new version for an auditor, then refuses to overwrite it (409), and refuses other roles (403)', async () => {
    // Prepare
    const v2 = { ...inviteSpec, version: 2 };
    const put = (caller: Who, version: string, spec: unknown) =>
      putTemplate(
        httpEvent({ method: 'PUT', path: `/templates/invite-daily/${version}`, pathParameters: { id: 'invite-daily', version }, body: JSON.stringify(spec), claims: who[caller] }),
        lambdaContext,
      );
    // Act
    const byManager = await put('manager', '2', v2);
    const first = await put('auditor', '2', v2);
    const again = await put('auditor', '2', v2);
    const builtin = await put('auditor', '1', { ...v2, version: 1 });
    const listed = await getTemplates(httpEvent({ path: '/templates', claims: who.ownHead }), lambdaContext);
    // Assess
    expect([byManager.statusCode, first.statusCode, again.statusCode, builtin.statusCode]).toEqual([403, 201, 409, 409]);
    const invite = (bodyOf(listed).templates as { id: string; current: number; versions: number[] }[]).find((t) => t.id === 'invite-daily');
    expect(invite).toMatchObject({ current: 2, versions: [1, 2] });
  });
});
