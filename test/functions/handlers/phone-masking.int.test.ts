/**
 * Phone numbers reach only the sheet's own outlet head in clear: the manager and the auditor get them
 * masked in rows and in findings alike (value, fix and both messages), on every read route.
 */
import '../helpers/env';
import { setDefaultTable } from '#functions/adapters/dynamo';
import { handler as getAudit } from '#functions/handlers/get-audit';
import { handler as getConsolidated } from '#functions/handlers/get-consolidated';
import { handler as getSubmission } from '#functions/handlers/get-submission';
import { submitWorkbook } from '#functions/services/submit-workbook';
import { bodyOf, claimsFor, httpEvent, lambdaContext } from '../helpers/events';
import { createScenario, inviteSheet, jsonBody, outletHead, setCell, type Scenario } from '../helpers/scenario';

const who = {
  ownHead: claimsFor('outlet_head', { subBranch: '3301', outlet: '3301001' }),
  manager: claimsFor('subbranch_manager', { subBranch: '3301' }),
  auditor: claimsFor('auditor'),
};
type Who = keyof typeof who;
/** The numbers of the scenario in any written form: the accepted one with its fix, the rejected 10-digit one, the shared one. */
const CLEAR_PHONE = /13800138000|138-0013-8000|1380013800|13911112222/;

describe('phone masking on the read routes, by role', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await createScenario('masking');
    process.env.TABLE_NAME = s.table.tableName;
    setDefaultTable(s.table);
    // Outlet 1: accepted with a phone written +86 138-0013-8000 (a warning with its safe fix), and a customer shared with outlet 2
    const first = setCell(setCell(setCell(inviteSheet(s.organisation, 0, 3), 0, 'C', '+86 138-0013-8000'), 0, 'I', '电话'), 1, 'C', '13911112222');
    await submitWorkbook(s.deps, { caller: outletHead(s.organisation, 0), ...jsonBody(setCell(first, 1, 'I', '电话')) });
    await submitWorkbook(s.deps, { caller: outletHead(s.organisation, 1), ...jsonBody(setCell(setCell(inviteSheet(s.organisation, 1, 3), 0, 'C', '13911112222'), 0, 'I', '电话')) });
    // Outlet 3: rejected for a 10-digit phone (an error whose value is that number)
    await submitWorkbook(s.deps, { caller: outletHead(s.organisation, 2), ...jsonBody(setCell(setCell(inviteSheet(s.organisation, 2, 2), 0, 'C', '1380013800'), 0, 'I', '电话')) });
  });

  const readSubmission = (caller: Who) =>
    getSubmission(
      httpEvent({ path: '/submissions/3301001/invite-daily/2026-12-03', pathParameters: { outlet: '3301001', template: 'invite-daily', period: '2026-12-03' }, claims: who[caller] }),
      lambdaContext,
    );

  it('GET /submissions/… shows the own outlet head the phone finding in clear', async () => {
    // Act
    const result = await readSubmission('ownHead');
    // Assess
    const findings = bodyOf(result).findings as { address: string; value: unknown; fix: unknown }[];
    expect(findings.find((f) => f.address === '邀约明细!C5')).toMatchObject({ value: '+86 138-0013-8000', fix: '13800138000' });
  });

  it.each<Who>(['manager', 'auditor'])('GET /submissions/… masks phones in the findings and rows for the %s', async (caller) => {
    // Act
    const result = await readSubmission(caller);
    // Assess
    const body = bodyOf(result);
    const findings = body.findings as { address: string; code: string; value: unknown; fix: unknown }[];
    expect(result.statusCode).toBe(200);
    expect(findings.find((f) => f.address === '邀约明细!C5')).toMatchObject({ value: '138****8000', fix: '138****8000' });
    expect(findings.some((f) => f.code === 'duplicate-customer')).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(CLEAR_PHONE);
  });

  it('GET /audit masks phones in the versions and the rejected attempts for the auditor', async () => {
    // Act
    const result = await getAudit(httpEvent({ path: '/audit', query: { date: '2026-12-03', subBranch: '3301' }, claims: who.auditor }), lambdaContext);
    // Assess
    const body = bodyOf(result) as { outlets: { outlet: string; versions: { findings: { value: unknown }[] }[]; rejectedAttempts: { findings: { address: string; value: unknown }[] }[] }[] };
    const outlet1 = body.outlets.find((o) => o.outlet === '3301001');
    const outlet3 = body.outlets.find((o) => o.outlet === '3301003');
    expect(outlet1?.versions[0].findings.map((f) => f.value)).toContain('138****8000');
    expect(outlet3?.rejectedAttempts[0].findings.find((f) => f.address === '邀约明细!C5')?.value).toBe('138***3800');
    expect(JSON.stringify(body)).not.toMatch(CLEAR_PHONE);
  });

  it('GET /consolidated&rows=1 masks phones in the rows and the duplicate customers for the manager', async () => {
    // Act
    const result = await getConsolidated(
      httpEvent({ path: '/consolidated', query: { template: 'invite-daily', subBranch: '3301', from: '2026-12-03', to: '2026-12-03', rows: '1' }, claims: who.manager }),
      lambdaContext,
    );
    // Assess
    const body = bodyOf(result);
    expect((body.duplicates as unknown[]).length).toBe(2);
    expect(JSON.stringify(body)).not.toMatch(CLEAR_PHONE);
  });
});
