/**
 * Integration tier, stress: racing submissions through the local API's real HTTP server (127.0.0.1
 * only) on DynamoDB Local, bounded in count (250 requests in all) and time. Afterwards every head is
 * read back with exactly its rowCount rows, and the audit lists every accepted version once.
 */
import '../functions/helpers/env';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { putOrganisation } from '#functions/adapters/org-store';
import { setDefaultTable, type TableRef } from '#functions/adapters/dynamo';
import { getHead, queryAudit, queryRows } from '#functions/adapters/submission-store';
import { createLocalApiServer } from '#functions/local/http-server';
import { createLocalSigner } from '#functions/local/local-token';
import { demoInviteSheet, demoOrganisation } from '#functions/local/demo-data';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';
import type { Organisation } from '#shared/org/schema';
import { inviteSpec } from '../functions/helpers/scenario';
import { createTestTable } from '../functions/helpers/test-table';

interface Outcome {
  status: number;
  replayed: boolean;
  retryAfter: string | null;
  version?: number;
  code?: string;
}

describe('racing submissions through the local API', () => {
  let table: TableRef;
  let server: Server;
  let apiUrl: string;
  let organisation: Organisation;
  const signer = createLocalSigner(undefined);
  // The handlers run on the wall clock: report today (Asia/Shanghai), inside a campaign that began two days ago.
  const today = isoDateInTimeZone(new Date(), CAMPAIGN_TIME_ZONE);
  const campaignFrom = new Date(Date.parse(`${today}T00:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    table = await createTestTable('stress');
    setDefaultTable(table);
    process.env.TABLE_NAME = table.tableName;
    organisation = demoOrganisation({ campaignFrom, deadline: '23:59' });
    await putOrganisation(table, organisation, 'auditor-1', new Date().toISOString());
    server = createLocalApiServer({ signer, defaults: { subBranch: '3301', outlet: '3301001' } });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const submit = async (outletIndex: number, variant: number): Promise<Outcome> => {
    const outlet = organisation.outlets[outletIndex].code;
    const token = signer.sign({ role: 'outlet_head', subBranch: '3301', outlet });
    const sheet = demoInviteSheet(inviteSpec, { organisation, outletIndex, reportDate: today, rows: 4 + variant, variant });
    const response = await fetch(`${apiUrl}/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(sheet),
    });
    const body = (await response.json()) as { submission?: { version: number }; code?: string };
    return { status: response.status, replayed: response.headers.get('idempotent-replayed') === 'true', retryAfter: response.headers.get('retry-after'), version: body.submission?.version, code: body.code };
  };

  /** As the pane's outbox and `pts submit` do: a 503 is sent again after its Retry-After, up to 4 times. */
  const submitRetrying = async (outletIndex: number, variant: number): Promise<Outcome & { tries: number; refusals: string[]; refusalsWithoutRetryAfter: string[] }> => {
    const refusals: string[] = [];
    const refusalsWithoutRetryAfter: string[] = [];
    for (let tries = 1; ; tries++) {
      const outcome = await submit(outletIndex, variant);
      if (outcome.status === 503) {
        refusals.push(outcome.code ?? '?');
        if (!/^\d+$/.test(outcome.retryAfter ?? '')) refusalsWithoutRetryAfter.push(outcome.code ?? '?');
      }
      if (outcome.status !== 503 || tries === 5) {
        if (outcome.status === 201 && !outcome.replayed && outcome.version) fresh.push({ outlet: organisation.outlets[outletIndex].code, version: outcome.version });
        return { ...outcome, tries, refusals, refusalsWithoutRetryAfter };
      }
      await new Promise((resolve) => setTimeout(resolve, Number(outcome.retryAfter ?? 1) * 1000 * (0.5 + Math.random())));
    }
  };
  /** Versions answered 201 (not replayed): each must be in the audit. */
  const fresh: { outlet: string; version: number }[] = [];

  /** Every head of these outlets today: its rows all there; the audit: versions 1..head, each once. */
  const checkStored = async (outletIndexes: number[]) => {
    const audit = (await queryAudit(table, '3301', today)).filter((r) => r.outcome === 'accepted');
    return Promise.all(
      outletIndexes.map(async (i) => {
        const id = { subBranch: '3301', template: 'invite-daily', period: today, outlet: organisation.outlets[i].code };
        const head = await getHead(table, id);
        const rows = head ? await queryRows(table, id, head.attempt) : [];
        const versions = audit.filter((r) => r.outlet === id.outlet).map((r) => r.version as number).sort((a, b) => a - b);
        const missingFresh = fresh.filter((f) => f.outlet === id.outlet && !versions.includes(f.version));
        return { outlet: id.outlet, rowsMatch: rows.length === head?.rowCount, versionsContiguous: versions.every((v, k) => v === k + 1), versions: versions.length, headVersion: head?.version, missingFresh };
      }),
    );
  };

  it('takes 50 racing submissions of one outlet (5 contents): at least 90% end accepted or replayed, each refusal a 503 with Retry-After that the client sends again', async () => {
    // Act
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, k) => submitRetrying(0, k % 5)));
    // Assess
    const served = outcomes.filter((o) => o.status === 201 || o.status === 200);
    const firstTry = served.filter((o) => o.tries === 1).length;
    const [stored] = await checkStored([0]);
    console.info(`50 racing submissions of one outlet: ${firstTry} accepted or replayed at the first try, ${served.length} in the end; refusals: ${outcomes.flatMap((o) => o.refusals).join(', ') || 'none'}`);
    expect(outcomes.filter((o) => o.status !== 201 && o.status !== 200 && o.status !== 503)).toEqual([]);
    expect(served.length).toBeGreaterThanOrEqual(45);
    expect(outcomes.flatMap((o) => o.refusalsWithoutRetryAfter)).toEqual([]);
    expect(stored).toEqual({ ...stored, rowsMatch: true, versionsContiguous: true, versions: stored.headVersion });
    expect(stored.missingFresh).toEqual([]);
  }, 300_000);

  it('takes 200 racing submissions of 5 contents over 3 outlets, retried after 503 as the clients do: every head whole, every accepted version audited', async () => {
    // Act
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, k) => submitRetrying(1 + (k % 3), Math.floor(k / 3) % 5)));
    // Assess
    const served = outcomes.filter((o) => o.status === 201 || o.status === 200);
    const freshCount = served.filter((o) => !o.replayed).length;
    const firstTry = served.filter((o) => o.tries === 1).length;
    const stored = await checkStored([1, 2, 3]);
    console.info(`200 racing submissions over 3 outlets: ${firstTry} served at the first try, ${served.length} after retries (${freshCount} new versions), ${200 - served.length} refused`);
    expect(outcomes.filter((o) => o.status !== 201 && o.status !== 200 && o.status !== 503)).toEqual([]);
    expect(served.length).toBeGreaterThanOrEqual(180);
    // A version can be stored although its answer was lost to the time limit (the client's retry then gets it replayed): so every
    // version answered 201 is audited, and the audit may hold a few more, never fewer.
    for (const outlet of stored) expect(outlet).toEqual({ ...outlet, rowsMatch: true, versionsContiguous: true, versions: outlet.headVersion, missingFresh: [] });
    expect(stored.reduce((sum, o) => sum + o.versions, 0)).toBeGreaterThanOrEqual(freshCount);
  }, 240_000);
});
