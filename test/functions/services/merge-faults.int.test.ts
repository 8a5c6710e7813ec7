import '../helpers/env';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ATTEMPTS_PK } from '#functions/adapters/keys';
import { getHead, queryAudit, queryRows } from '#functions/adapters/submission-store';
import { sweepAttempts } from '#functions/services/sweep-attempts';
import { runInOrder } from '../helpers/step-scheduler';
import { getConsolidated } from '#functions/services/get-consolidated';
import { getSubmission } from '#functions/services/get-submission';
import { submitWorkbook } from '#functions/services/submit-workbook';
import { injectFaults, type FaultInjector } from '../helpers/faults';
import { createScenario, inviteSheet, jsonBody, outletHead, type Scenario } from '../helpers/scenario';

const idOf = (outlet: string) => ({ subBranch: '3301', template: 'invite-daily', period: '2026-12-03', outlet });
const manager = { sub: 'manager-3301', role: 'subbranch_manager' as const, subBranch: '3301' };

describe('merge under faults', () => {
  const markers = async () => {
    const page = await s.table.doc.send(
      new QueryCommand({ TableName: s.table.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': ATTEMPTS_PK }, ConsistentRead: true }),
    );
    return (page.Items ?? []) as { id: { outlet: string }; attempt: string; rowCount: number; kind: string }[];
  };
  let s: Scenario;
  let faults: FaultInjector;
  beforeAll(async () => {
    s = await createScenario('faults');
    faults = injectFaults(s.table.doc);
  });
  afterEach(() => faults.reset());

  it('writes every row when BatchWriteItem leaves items unprocessed, retrying them with backoff', async () => {
    // Prepare
    faults.plan.unprocessed = { calls: 3, keep: 10 };
    // Act
    const answer = await submitWorkbook(s.deps, { caller: outletHead(s.organisation, 0), ...jsonBody(inviteSheet(s.organisation, 0, 60)) });
    // Assess
    const head = await getHead(s.table, idOf('3301001'));
    expect(answer.statusCode).toBe(201);
    expect(await queryRows(s.table, idOf('3301001'), head!.attempt)).toHaveLength(60);
    expect(faults.counts.BatchWriteItemCommand).toBeGreaterThan(3);
  });

  it('fails clearly (503) when items stay unprocessed, and the earlier version stays visible', async () => {
    // Prepare
    const caller = outletHead(s.organisation, 1);
    await submitWorkbook(s.deps, { caller, ...jsonBody(inviteSheet(s.organisation, 1, 5)) });
    faults.plan.unprocessed = { calls: 1000, keep: 0 };
    // Act
    const attempt = submitWorkbook(s.deps, { caller, ...jsonBody(inviteSheet(s.organisation, 1, 8, '2026-12-03', 1)) });
    // Assess
    await expect(attempt).rejects.toMatchObject({ statusCode: 503, code: 'rows-write-failed' });
    faults.reset();
    const view = await getSubmission(s.deps, manager, { outlet: '3301002', template: 'invite-daily', period: '2026-12-03' });
    expect([view.submission.version, view.rows.length]).toEqual([1, 5]);
  });

  it('rides out throttling of BatchWriteItem and TransactWriteItems (SDK retries)', async () => {
    // Prepare
    faults.plan.throttle = { BatchWriteItemCommand: 2, TransactWriteItemsCommand: 1 };
    // Act
    const answer = await submitWorkbook(s.deps, { caller: outletHead(s.organisation, 2), ...jsonBody(inviteSheet(s.organisation, 2, 30)) });
    // Assess
    expect(answer.statusCode).toBe(201);
    expect(faults.plan.throttle).toEqual({ BatchWriteItemCommand: 0, TransactWriteItemsCommand: 0 });
  });

  it('keeps the old version visible after a crash between the rows and the flip, and the retry completes without orphans', async () => {
    // Prepare
    const caller = outletHead(s.organisation, 3);
    await submitWorkbook(s.deps, { caller, ...jsonBody(inviteSheet(s.organisation, 3, 6)) });
    const v1 = await getHead(s.table, idOf('3301004'));
    const second = jsonBody(inviteSheet(s.organisation, 3, 9, '2026-12-03', 1));
    faults.plan.crash = { TransactWriteItemsCommand: 1 };
    // Act
    const crashed = submitWorkbook(s.deps, { caller, ...second });
    await expect(crashed).rejects.toMatchObject({ name: 'SimulatedCrashError' });
    const between = await getSubmission(s.deps, manager, { outlet: '3301004', template: 'invite-daily', period: '2026-12-03' });
    const retried = await submitWorkbook(s.deps, { caller, ...second });
    // Assess
    const v2 = await getHead(s.table, idOf('3301004'));
    expect([between.submission.version, between.rows.length]).toEqual([1, 6]);
    expect(retried.statusCode).toBe(201);
    expect([v2?.version, v2?.rowCount]).toEqual([2, 9]);
    expect(await queryRows(s.table, idOf('3301004'), v2!.attempt)).toHaveLength(9);
    expect(await queryRows(s.table, idOf('3301004'), v1!.attempt)).toHaveLength(0);
  });

  it('sweeps the rows a crashed attempt left, once they are older than 15 minutes, and never the head\'s', async () => {
    // Prepare: a crash between the rows and the flip leaves 7 rows and their marker
    const caller = outletHead(s.organisation, 6);
    await submitWorkbook(s.deps, { caller, ...jsonBody(inviteSheet(s.organisation, 6, 5)) });
    faults.plan.crash = { TransactWriteItemsCommand: 1 };
    await expect(submitWorkbook(s.deps, { caller, ...jsonBody(inviteSheet(s.organisation, 6, 7, '2026-12-03', 1)) })).rejects.toMatchObject({ name: 'SimulatedCrashError' });
    faults.reset();
    const markersBefore = await markers();
    const orphan = markersBefore.find((m) => m.id.outlet === '3301007' && m.kind === 'pending');
    // Act: one sweep too early, one after 16 minutes
    const early = await sweepAttempts(s.deps);
    const later = await sweepAttempts({ ...s.deps, now: () => new Date(s.clock.now.getTime() + 16 * 60_000) });
    // Assess
    const head = await getHead(s.table, idOf('3301007'));
    expect(orphan?.rowCount).toBe(7);
    expect(early.attempts).toBe(0);
    expect(later.attempts).toBeGreaterThanOrEqual(1);
    expect(await queryRows(s.table, idOf('3301007'), orphan!.attempt)).toHaveLength(0);
    expect(await queryRows(s.table, idOf('3301007'), head!.attempt)).toHaveLength(5);
    expect((await markers()).filter((m) => m.id.outlet === '3301007')).toEqual([]);
  });

  it('refuses the flip of an attempt the sweep has taken (a request that outlived its time), keeping the earlier version', async () => {
    // Prepare
    const caller = outletHead(s.organisation, 7);
    await submitWorkbook(s.deps, { caller, ...jsonBody(inviteSheet(s.organisation, 7, 4)) });
    // Act: the request stops after writing its rows; the sweep runs meanwhile (as if 16 minutes had passed)
    let swept = 0;
    const run = await runInOrder(
      s.deps,
      [(deps) => submitWorkbook(deps, { caller, ...jsonBody(inviteSheet(s.organisation, 7, 6, '2026-12-03', 2)) })],
      [0, 0, 0],
      async () => {
        if (swept === 0 && (await markers()).some((m) => m.id.outlet === '3301008' && m.kind === 'pending')) {
          const rowsWritten = (await markers()).find((m) => m.id.outlet === '3301008')!;
          if ((await queryRows(s.table, idOf('3301008'), rowsWritten.attempt)).length === 6) swept = (await sweepAttempts({ ...s.deps, now: () => new Date(s.clock.now.getTime() + 16 * 60_000) })).attempts;
        }
      },
    );
    // Assess
    const head = await getHead(s.table, idOf('3301008'));
    expect(swept).toBe(1);
    expect(run.results[0]).toMatchObject({ status: 'rejected', reason: { statusCode: 503, code: 'submission-timeout' } });
    expect([head?.version, head?.rowCount]).toEqual([1, 4]);
    expect(await queryRows(s.table, idOf('3301008'), head!.attempt)).toHaveLength(4);
  });

  it('stops before the flip when the time left is too short: 503, nothing stored, no rows left', async () => {
    // Prepare
    const caller = outletHead(s.organisation, 8);
    await submitWorkbook(s.deps, { caller, ...jsonBody(inviteSheet(s.organisation, 8, 3)) });
    let left = 20_000;
    const deps = { ...s.deps, remainingTimeMs: () => left, mergeCheckpoint: async (step: string) => void (step === 'rows-written' && (left = 1_000)) };
    // Act
    const attempt = submitWorkbook(deps, { caller, ...jsonBody(inviteSheet(s.organisation, 8, 9, '2026-12-03', 3)) });
    // Assess
    await expect(attempt).rejects.toMatchObject({ statusCode: 503, code: 'submission-timeout' });
    const head = await getHead(s.table, idOf('3301009'));
    expect([head?.version, head?.rowCount]).toEqual([1, 3]);
    expect((await markers()).filter((m) => m.id.outlet === '3301009')).toEqual([]);
    const audit = (await queryAudit(s.table, '3301', '2026-12-03')).filter((r) => r.outlet === '3301009');
    expect(audit.map((r) => r.version)).toEqual([1]);
  });

  it('gives exactly one winner per version when one outlet submits five different sheets at once, with no orphaned rows', async () => {
    // Prepare
    const caller = outletHead(s.organisation, 4);
    const bodies = [0, 1, 2, 3, 4].map((variant) => jsonBody(inviteSheet(s.organisation, 4, 3 + variant, '2026-12-03', variant)));
    // Act
    const answers = await Promise.allSettled(bodies.map((body) => submitWorkbook(s.deps, { caller, ...body })));
    // Assess
    const accepted = answers.filter((a) => a.status === 'fulfilled' && a.value.statusCode === 201);
    const audit = (await queryAudit(s.table, '3301', '2026-12-03')).filter((r) => r.outlet === '3301005');
    const versions = audit.map((r) => r.version).sort();
    const head = await getHead(s.table, idOf('3301005'));
    const attempts = audit.map((r) => r.ref.split('-')[0]);
    const leftRows = await Promise.all(attempts.filter((a) => a !== head!.attempt).map((a) => queryRows(s.table, idOf('3301005'), a)));
    expect(versions).toEqual(accepted.map((_, i) => i + 1));
    expect(head?.version).toBe(accepted.length);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect(leftRows.flat()).toHaveLength(0);
    expect(await queryRows(s.table, idOf('3301005'), head!.attempt)).toHaveLength(head!.rowCount);
  });

  it('puts all 10 outlets in the summary when they submit at once', async () => {
    // Prepare
    const period = '2026-12-04';
    // Checked on that day (18:00 in Shanghai): a report dated after the day of checking is an error.
    s.clock.now = new Date('2026-12-04T10:00:00Z');
    const bodies = s.organisation.outlets.map((_, i) => jsonBody(inviteSheet(s.organisation, i, 20, period)));
    // Act
    const answers = await Promise.all(bodies.map((body, i) => submitWorkbook(s.deps, { caller: outletHead(s.organisation, i), ...body })));
    const { view } = await getConsolidated(s.deps, manager, { template: 'invite-daily', subBranch: '3301', from: period, to: period });
    // Assess
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(201));
    expect(view.outlets.map((o) => o.outlet).sort()).toEqual(s.organisation.outlets.map((o) => o.code));
    expect(view.missing).toEqual([]);
    expect(view.total['邀约人次']).toBe(200);
  });
});
