/** GET /consolidated and /consolidated.xlsx check their range before any query: reversed or over 366 days is a 400. */
import '../helpers/env';
import { setDefaultTable } from '#functions/adapters/dynamo';
import { handler as getConsolidated } from '#functions/handlers/get-consolidated';
import { handler as getConsolidatedXlsx } from '#functions/handlers/get-consolidated-xlsx';
import { bodyOf, claimsFor, httpEvent, lambdaContext } from '../helpers/events';
import { injectFaults, type FaultInjector } from '../helpers/faults';
import { createScenario, type Scenario } from '../helpers/scenario';

const manager = claimsFor('subbranch_manager', { subBranch: '3301' });

describe('consolidated routes: the range is checked before any query', () => {
  let s: Scenario;
  let faults: FaultInjector;
  beforeAll(async () => {
    s = await createScenario('range');
    faults = injectFaults(s.table.doc);
    process.env.TABLE_NAME = s.table.tableName;
    setDefaultTable(s.table);
  });
  beforeEach(() => faults.reset());

  const ask = (route: 'json' | 'xlsx', from: string, to: string) => {
    const query = { template: 'invite-daily', subBranch: '3301', from, to };
    const event = httpEvent({ path: route === 'json' ? '/consolidated' : '/consolidated.xlsx', query, claims: manager });
    return route === 'json' ? getConsolidated(event, lambdaContext) : getConsolidatedXlsx(event, lambdaContext);
  };

  it.each<['json' | 'xlsx', string, string]>([
    ['json', '2026-12-08', '2026-12-01'],
    ['xlsx', '2026-12-08', '2026-12-01'],
    ['json', '0000-01-01', '9999-12-31'],
    ['xlsx', '0000-01-01', '9999-12-31'],
    ['json', '2026-01-01', '2027-01-02'],
  ])('GET /consolidated (%s) from %s to %s answers 400 bad-range without a single DynamoDB request', async (route, from, to) => {
    // Act
    const started = Date.now();
    const result = await ask(route, from, to);
    // Assess
    expect([result.statusCode, bodyOf(result).code, faults.total()]).toEqual([400, 'bad-range', 0]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('answers a full leap year of 366 days', async () => {
    // Act
    const result = await ask('json', '2028-01-01', '2028-12-31');
    // Assess
    expect([result.statusCode, (bodyOf(result).missing as unknown[]).length]).toEqual([200, 10]);
  });
});
