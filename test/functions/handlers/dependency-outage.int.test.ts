/**
 * A DynamoDB outage is a 503 with Retry-After (retryable), not a 500; GET /health says when the table
 * cannot be reached; every 503 of the API carries Retry-After. The outage is a real client aimed at a
 * loopback port where nothing listens (connection refused), the healthy side the run's DynamoDB Local.
 */
import '../helpers/env';
import { createDynamoClient, setDefaultTable, type TableRef } from '#functions/adapters/dynamo';
import { handler as getConsolidated } from '#functions/handlers/get-consolidated';
import { handler as getHealth } from '#functions/handlers/get-health';
import { handler as getSubmission } from '#functions/handlers/get-submission';
import { handler as postSubmission } from '#functions/handlers/post-submission';
import { findFreePort } from '#functions/local/dynamo-local';
import { isDependencyUnavailable, toHttpResponse } from '#functions/middleware/to-http-response';
import { RowsWriteFailedError, SubmissionContentionError } from '#functions/services/errors';
import { bodyOf, claimsFor, httpEvent, lambdaContext } from '../helpers/events';
import { injectFaults } from '../helpers/faults';
import { useFixedDate } from '../helpers/fixed-clock';
import { createScenario, inviteSheet, jsonBody, type Scenario } from '../helpers/scenario';

const manager = claimsFor('subbranch_manager', { subBranch: '3301' });
const head = claimsFor('outlet_head', { subBranch: '3301', outlet: '3301001' });

function useTable(table: TableRef): void {
  process.env.TABLE_NAME = table.tableName;
  setDefaultTable(table);
}

describe('DynamoDB outage and busy answers', () => {
  let s: Scenario;
  let down: TableRef;
  afterAll(() => jest.useRealTimers());
  beforeAll(async () => {
    // The sheets are dated 2026-12-03: check them on that day (the handlers read the wall clock).
    useFixedDate(new Date('2026-12-03T10:00:00Z'));
    s = await createScenario('outage');
    const port = await findFreePort();
    // Two attempts: the SDK's own retry still happens, the test stays short.
    down = { doc: createDynamoClient(`http://127.0.0.1:${port}`, { maxAttempts: 2 }), tableName: `${s.table.tableName}-down` };
  });

  it('answers 200 on /health while the table answers, then 503 with Retry-After when it cannot be reached', async () => {
    // Act
    useTable(s.table);
    const up = await getHealth(httpEvent({ path: '/health' }), lambdaContext);
    useTable(down);
    const unreachable = await getHealth(httpEvent({ path: '/health' }), lambdaContext);
    // Assess
    expect([up.statusCode, bodyOf(up).status, bodyOf(up).table]).toEqual([200, 'ok', 'ok']);
    expect([unreachable.statusCode, bodyOf(unreachable).status, bodyOf(unreachable).table]).toEqual([503, 'unavailable', 'unreachable']);
    expect(unreachable.headers?.['retry-after']).toBe('5');
  });

  it.each([
    ['GET /consolidated', () => getConsolidated(httpEvent({ path: '/consolidated', query: { template: 'invite-daily', subBranch: '3301', from: '2026-12-03', to: '2026-12-03' }, claims: manager }), lambdaContext)],
    ['GET /submissions/…', () => getSubmission(httpEvent({ path: '/submissions/3301001/invite-daily/2026-12-03', pathParameters: { outlet: '3301001', template: 'invite-daily', period: '2026-12-03' }, claims: manager }), lambdaContext)],
    ['POST /submissions', () => postSubmission(httpEvent({ method: 'POST', path: '/submissions', headers: { 'content-type': 'application/json' }, body: jsonBody(inviteSheet(s.organisation, 0, 2)).body, claims: head }), lambdaContext)],
  ])('%s answers 503 dependency-unavailable with Retry-After while the table is down', async (_route, call) => {
    // Prepare
    useTable(down);
    // Act
    const result = await call();
    // Assess
    expect([result.statusCode, bodyOf(result).code, result.headers?.['retry-after']]).toEqual([503, 'dependency-unavailable', '5']);
  });

  it('gives Retry-After to the rows-write and contention 503s as well', async () => {
    // Prepare: every BatchWriteItem leaves all its items unprocessed, on the real table
    useTable(s.table);
    const faults = injectFaults(s.table.doc);
    faults.plan.unprocessed = { calls: 1000, keep: 0 };
    // Act
    const rowsFailed = await postSubmission(
      httpEvent({ method: 'POST', path: '/submissions', headers: { 'content-type': 'application/json' }, body: jsonBody(inviteSheet(s.organisation, 0, 3)).body, claims: head }),
      lambdaContext,
    );
    faults.reset();
    const contention = toHttpResponse(new SubmissionContentionError());
    const direct = toHttpResponse(new RowsWriteFailedError('test'));
    // Assess
    expect([rowsFailed.statusCode, bodyOf(rowsFailed).code, rowsFailed.headers?.['retry-after']]).toEqual([503, 'rows-write-failed', '2']);
    expect([contention.statusCode, contention.headers?.['retry-after'], direct.headers?.['retry-after']]).toEqual([503, '2', '2']);
  });

  it('tells an outage from a refused request: a failed condition or a validation error is no outage', () => {
    // Act
    const verdicts = [
      isDependencyUnavailable(Object.assign(new Error('x'), { name: 'ConditionalCheckFailedException', $metadata: { httpStatusCode: 400 } })),
      isDependencyUnavailable(Object.assign(new Error('x'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } })),
      isDependencyUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })),
      isDependencyUnavailable(Object.assign(new Error('x'), { name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } })),
      isDependencyUnavailable(Object.assign(new Error('x'), { name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }] })),
      isDependencyUnavailable(Object.assign(new Error('x'), { name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }] })),
    ];
    // Assess
    expect(verdicts).toEqual([false, false, true, true, true, false]);
  });
});
