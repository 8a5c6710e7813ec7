import '../helpers/env';
import { getHead, queryAudit, queryRows } from '#functions/adapters/submission-store';
import { submitWorkbook } from '#functions/services/submit-workbook';
import { createScenario, inviteSheet, jsonBody, LATE, outletHead, setCell, type Scenario } from '../helpers/scenario';

describe('submitWorkbook', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await createScenario('submit');
  });

  it('stores a valid sheet as version 1 with its rows and aggregate', async () => {
    // Prepare
    const caller = outletHead(s.organisation, 0);
    // Act
    const answer = await submitWorkbook(s.deps, { caller, ...jsonBody(inviteSheet(s.organisation, 0, 7)) });
    // Assess
    const head = await getHead(s.table, { subBranch: '3301', template: 'invite-daily', period: '2026-12-03', outlet: '3301001' });
    expect(answer.statusCode).toBe(201);
    expect(head?.version).toBe(1);
    expect(head?.late).toBe(false);
    expect(head?.aggregate.rows).toBe(7);
    expect(await queryRows(s.table, head!, head!.attempt)).toHaveLength(7);
  });

  it('answers 422 with the findings for a sheet with errors, and stores nothing but the audit record', async () => {
    // Prepare
    const caller = outletHead(s.organisation, 1);
    const sheet = setCell(inviteSheet(s.organisation, 1, 3), 0, 'E', '中端客户');
    // Act
    const answer = await submitWorkbook(s.deps, { caller, ...jsonBody(sheet) });
    // Assess
    const body = answer.body as { code: string; findings: { code: string; address: string }[] };
    expect(answer.statusCode).toBe(422);
    expect(body.findings.filter((f) => f.code === 'enum-error').map((f) => f.address)).toEqual(['邀约明细!E5']);
    expect(await getHead(s.table, { subBranch: '3301', template: 'invite-daily', period: '2026-12-03', outlet: '3301002' })).toBeUndefined();
  });

  it('records the same rejected sheet sent twice as one rejected attempt', async () => {
    // Prepare
    const caller = outletHead(s.organisation, 8);
    const body = jsonBody(setCell(inviteSheet(s.organisation, 8, 2), 1, 'I', '微信'));
    // Act
    const first = await submitWorkbook(s.deps, { caller, ...body });
    const again = await submitWorkbook(s.deps, { caller, ...body });
    // Assess
    const rejected = (await queryAudit(s.table, '3301', '2026-12-03')).filter((r) => r.outlet === '3301009' && r.outcome === 'rejected');
    expect([first.statusCode, again.statusCode, again.replayed]).toEqual([422, 422, true]);
    expect(rejected).toHaveLength(1);
  });

  it('replaces the earlier version as a whole and removes its rows', async () => {
    // Prepare
    const caller = outletHead(s.organisation, 2);
    const id = { subBranch: '3301', template: 'invite-daily', period: '2026-12-03', outlet: '3301003' };
    await submitWorkbook(s.deps, { caller, ...jsonBody(inviteSheet(s.organisation, 2, 30)) });
    const first = await getHead(s.table, id);
    // Act
    const answer = await submitWorkbook(s.deps, { caller, ...jsonBody(inviteSheet(s.organisation, 2, 4, '2026-12-03', 1)) });
    // Assess
    const second = await getHead(s.table, id);
    expect(answer.statusCode).toBe(201);
    expect(second?.version).toBe(2);
    expect(await queryRows(s.table, id, second!.attempt)).toHaveLength(4);
    expect(await queryRows(s.table, id, first!.attempt)).toHaveLength(0);
  });

  it('gives the first answer again for the same content, without a new version', async () => {
    // Prepare
    const caller = outletHead(s.organisation, 3);
    const body = jsonBody(inviteSheet(s.organisation, 3, 5));
    const first = await submitWorkbook(s.deps, { caller, ...body });
    // Act
    const again = await submitWorkbook(s.deps, { caller, ...body });
    // Assess
    expect(again.replayed).toBe(true);
    expect(again.body).toEqual(first.body);
    expect((await getHead(s.table, { subBranch: '3301', template: 'invite-daily', period: '2026-12-03', outlet: '3301004' }))?.version).toBe(1);
  });

  it('gives the first answer again for the same Idempotency-Key, and 409 when the key comes with another body', async () => {
    // Prepare
    const caller = outletHead(s.organisation, 4);
    const first = await submitWorkbook(s.deps, { caller, idempotencyKey: 'k-1', ...jsonBody(inviteSheet(s.organisation, 4, 5)) });
    // Act
    const again = await submitWorkbook(s.deps, { caller, idempotencyKey: 'k-1', ...jsonBody(inviteSheet(s.organisation, 4, 5)) });
    const misuse = submitWorkbook(s.deps, { caller, idempotencyKey: 'k-1', ...jsonBody(inviteSheet(s.organisation, 4, 6)) });
    // Assess
    expect(again).toEqual({ ...first, replayed: true });
    await expect(misuse).rejects.toMatchObject({ statusCode: 409, code: 'idempotency-key-reused' });
  });

  it('takes a sheet after the deadline and marks it late', async () => {
    // Prepare
    const caller = outletHead(s.organisation, 5);
    s.clock.now = LATE;
    // Act
    const answer = await submitWorkbook(s.deps, { caller, ...jsonBody(inviteSheet(s.organisation, 5, 2)) });
    s.clock.now = new Date('2026-12-03T10:00:00Z');
    // Assess
    const body = answer.body as { submission: { late: boolean }; findings: { code: string }[] };
    expect(answer.statusCode).toBe(201);
    expect(body.submission.late).toBe(true);
    expect(body.findings.map((f) => f.code)).toContain('late-submission');
  });

  it("refuses a sheet of another outlet than the caller's (403)", async () => {
    // Prepare
    const caller = outletHead(s.organisation, 6);
    // Act
    const attempt = submitWorkbook(s.deps, { caller, ...jsonBody(inviteSheet(s.organisation, 7, 2)) });
    // Assess
    await expect(attempt).rejects.toMatchObject({ statusCode: 403 });
  });
});
