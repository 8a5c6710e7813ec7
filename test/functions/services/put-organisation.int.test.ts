/**
 * An organisation file cannot take an outlet away from another sub-branch: 409 naming both sub-branches,
 * nothing stored; of two racing files listing one new outlet, exactly one gets it (conditional writes).
 */
import '../helpers/env';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { findUnitSubBranch, getOrganisation } from '#functions/adapters/org-store';
import { setDefaultTable } from '#functions/adapters/dynamo';
import { handler as putOrg } from '#functions/handlers/put-org';
import type { Organisation } from '#shared/org/schema';
import { bodyOf, claimsFor, httpEvent, lambdaContext } from '../helpers/events';
import { createScenario, type Scenario } from '../helpers/scenario';

const put = (organisation: Organisation) =>
  putOrg(
    httpEvent({ method: 'PUT', path: `/org/${organisation.code}`, pathParameters: { subBranch: organisation.code }, body: JSON.stringify(organisation), claims: claimsFor('auditor') }),
    lambdaContext,
  );

function subBranchFile(code: string, outlets: string[]): Organisation {
  return { code, name: `支行${code}`, outlets: outlets.map((o) => ({ code: o, name: `网点${o}` })), targets: {}, deadline: '20:00' };
}

describe('PUT /org/{subBranch}: outlets stay with their sub-branch', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await createScenario('org-move');
    process.env.TABLE_NAME = s.table.tableName;
    setDefaultTable(s.table);
  });

  it('refuses with 409 a file of sub-branch 7777 listing outlet 3301001 of 3301, naming both, and stores nothing', async () => {
    // Act
    const result = await put(subBranchFile('7777', ['7777001', '3301001']));
    // Assess
    const body = bodyOf(result) as { code: string; message_zh: string; message_en: string };
    expect([result.statusCode, body.code]).toEqual([409, 'unit-in-other-sub-branch']);
    expect(body.message_zh).toContain('网点 3301001 已属于支行 3301，不能列入支行 7777');
    expect(body.message_en).toContain('outlet 3301001 belongs to sub-branch 3301 and cannot be listed by sub-branch 7777');
    expect([await findUnitSubBranch(s.table, '3301001'), await findUnitSubBranch(s.table, '7777001'), await getOrganisation(s.table, '7777')]).toEqual(['3301', undefined, undefined]);
  });

  it('lets an outlet move once its sub-branch has dropped it from its file', async () => {
    // Prepare
    const without = { ...s.organisation, outlets: s.organisation.outlets.filter((o) => o.code !== '3301010') };
    // Act
    const dropped = await put(without);
    const moved = await put(subBranchFile('7778', ['3301010']));
    // Assess
    expect([dropped.statusCode, moved.statusCode, await findUnitSubBranch(s.table, '3301010')]).toEqual([200, 200, '7778']);
  });

  it('gives a new outlet to exactly one of two files racing for it, every time', async () => {
    // Act: 5 rounds of two concurrent PUTs listing the same new outlet
    const rounds: [number, number, string | undefined][] = [];
    for (let round = 0; round < 5; round++) {
      const outlet = `99900${round}`;
      const [a, b] = await Promise.all([put(subBranchFile(`81${round}`, [outlet])), put(subBranchFile(`82${round}`, [outlet]))]);
      const owner = await findUnitSubBranch(s.table, outlet);
      rounds.push([a.statusCode ?? 0, b.statusCode ?? 0, owner]);
    }
    // Assess: one 200 and one 409 per round, and the owner is the one that got 200
    for (const [round, [a, b, owner]] of rounds.entries()) {
      expect([a, b].sort()).toEqual([200, 409]);
      expect(owner).toBe(a === 200 ? `81${round}` : `82${round}`);
    }
  });

  it('takes over a lookup item left behind by a sub-branch whose file no longer lists the outlet', async () => {
    // Prepare: UNIT#7790001 names 3399, whose stored file lists only 3399001
    await put(subBranchFile('3399', ['3399001', '7790001']));
    await s.table.doc.send(
      new PutCommand({ TableName: s.table.tableName, Item: { pk: 'ORG#3399', sk: 'ORG', organisation: subBranchFile('3399', ['3399001']), updatedAt: 'x', updatedBy: 'test' } }),
    );
    // Act
    const result = await put(subBranchFile('7790', ['7790001']));
    // Assess
    expect([result.statusCode, await findUnitSubBranch(s.table, '7790001')]).toEqual([200, '7790']);
  });

  it('refuses with 400 a file that lists one code twice', async () => {
    // Act
    const result = await put(subBranchFile('7779', ['7779001', '7779001']));
    // Assess
    expect([result.statusCode, bodyOf(result).code]).toEqual([400, 'org-duplicate-unit']);
  });
});
