/**
 * Demo data of the local stack, written once: the organisation of sub-branch 3301 (10 outlets, a
 * campaign that started three days ago) and three days of 邀约明细 submissions through the same
 * services the API uses: one outlet missing a day, one late, one rejected attempt, one customer
 * invited by two outlets.
 */
import { builtinTemplates } from '#shared/spec/builtin-templates';
import type { TemplateSpec } from '#shared/spec/schema';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';
import type { TableRef } from '../adapters/dynamo';
import { isSeeded, markSeeded } from '../adapters/local-marker';
import type { Caller } from '../services/caller';
import { putOrganisation } from '../services/put-organisation';
import { submitWorkbook } from '../services/submit-workbook';
import { demoInviteSheet, demoOrganisation } from './demo-data';

const DAY_MS = 86_400_000;

function addDays(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Seeds the demo data unless it is there already; returns true when it wrote it. */
export async function seedDemo(table: TableRef, now = new Date()): Promise<boolean> {
  if (await isSeeded(table)) return false;
  const today = isoDateInTimeZone(now, CAMPAIGN_TIME_ZONE);
  const campaignFrom = addDays(today, -3);
  const organisation = demoOrganisation({ campaignFrom });
  const spec = builtinTemplates.find((s) => s.id === 'invite-daily') as TemplateSpec;
  const auditor: Caller = { sub: 'local-auditor', role: 'auditor' };
  await putOrganisation({ table, now: () => now }, auditor, organisation.code, organisation);

  for (let day = 0; day < 3; day++) {
    const reportDate = addDays(campaignFrom, day);
    for (let i = 0; i < organisation.outlets.length; i++) {
      if (day === 1 && i === 9) continue; // 未报送 on the second day
      const late = day === 2 && i === 8;
      const at = new Date(Date.parse(`${reportDate}T${late ? '13:30' : '09:00'}:00Z`) + i * 60_000);
      const caller: Caller = { sub: `local-outlet_head-${organisation.outlets[i].code}`, role: 'outlet_head', subBranch: organisation.code, outlet: organisation.outlets[i].code };
      const workbook = demoInviteSheet(spec, { organisation, outletIndex: i, reportDate, rows: 12 + ((i * 7 + day * 3) % 14) });
      const values = workbook.sheets[0].values;
      if (day === 1 && (i === 0 || i === 1)) {
        values[spec.firstDataRow - 1][2] = '13900009999'; // the same customer invited by two outlets
        values[spec.firstDataRow - 1][8] = '电话';
      }
      const deps = { table, now: () => at };
      if (day === 2 && i === 3) {
        const broken = structuredClone(workbook);
        broken.sheets[0].values[spec.firstDataRow - 1][3] = '路过客户';
        await submitWorkbook(deps, { caller, body: JSON.stringify(broken), isBase64Encoded: false, contentType: 'application/json' });
      }
      await submitWorkbook({ table, now: () => new Date(at.getTime() + 120_000) }, { caller, body: JSON.stringify(workbook), isBase64Encoded: false, contentType: 'application/json' });
    }
  }
  await markSeeded(table, now.toISOString());
  return true;
}
