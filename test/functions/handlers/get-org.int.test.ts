import '../helpers/env';
import { setDefaultTable } from '#functions/adapters/dynamo';
import { handler as getOrg } from '#functions/handlers/get-org';
import { orgViewSchema } from '#shared/api/org-view';
import { bodyOf, claimsFor, httpEvent, lambdaContext } from '../helpers/events';
import { createScenario, type Scenario } from '../helpers/scenario';

/** Callers of every role, in and out of scope of sub-branch 3301. */
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

const readOrg = (caller: Who, subBranch = '3301') =>
  getOrg(httpEvent({ path: `/org/${subBranch}`, pathParameters: { subBranch }, claims: who[caller] }), lambdaContext);

describe('GET /org/{subBranch}', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await createScenario('get-org');
    process.env.TABLE_NAME = s.table.tableName;
    setDefaultTable(s.table);
  });

  it.each<[Who, number]>([
    ['ownHead', 200],
    ['siblingHead', 200],
    ['foreignHead', 403],
    ['manager', 200],
    ['foreignManager', 403],
    ['auditor', 200],
    ['unknownRole', 403],
    ['none', 401],
  ])('answers %s with %i for sub-branch 3301', async (caller, status) => {
    // Act
    const result = await readOrg(caller);
    // Assess
    expect(result.statusCode).toBe(status);
  });

  it('gives the manager and auditors the whole organisation file', async () => {
    // Act
    const byManager = await readOrg('manager');
    const byAuditor = await readOrg('auditor', '3302');
    // Assess
    expect(orgViewSchema.parse(bodyOf(byManager))).toEqual(s.organisation);
    expect(orgViewSchema.parse(bodyOf(byAuditor))).toEqual(s.other);
  });

  it('gives an outlet head what the sheet checks need: outlets, campaign and deadline, no targets', async () => {
    // Act
    const body = bodyOf(await readOrg('ownHead'));
    // Assess
    expect(Object.keys(body).sort()).toEqual(['campaign', 'code', 'deadline', 'name', 'outlets']);
    expect(body).toMatchObject({ code: '3301', name: '城东支行', campaign: s.organisation.campaign, deadline: '20:00' });
    expect(body.outlets).toEqual(s.organisation.outlets);
  });

  it('answers 404 in both languages for a sub-branch without an organisation file, and 400 without a sub-branch', async () => {
    // Act
    const missing = await readOrg('auditor', '9999');
    const noPath = await getOrg(httpEvent({ path: '/org/', claims: who.auditor }), lambdaContext);
    // Assess
    expect([missing.statusCode, bodyOf(missing).code, bodyOf(missing).message_zh]).toEqual([404, 'not-found', '支行 9999 尚无机构文件']);
    expect(noPath.statusCode).toBe(400);
  });
});
