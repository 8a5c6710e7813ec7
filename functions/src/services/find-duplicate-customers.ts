/**
 * The same customer (normalised phone) in the current rows of two or more outlets of one sub-branch in
 * one campaign: a `duplicate-customer` finding on each such row (docs/data-model.md pattern 14).
 */
import type { DuplicateCustomer } from '#shared/api/consolidated-view';
import { createFinding } from '#shared/findings/create-finding';
import type { Organisation } from '#shared/org/schema';
import { maskPhone } from '#shared/security/mask-phone';
import type { TemplateSpec } from '#shared/spec/schema';
import { queryHeads, queryPhoneEntries } from '../adapters/submission-store';
import type { ServiceDeps } from './deps';

export async function findDuplicateCustomers(deps: ServiceDeps, spec: TemplateSpec, organisation: Organisation): Promise<DuplicateCustomer[]> {
  const phoneColumn = spec.columns.find((c) => c.type === 'phone')?.col;
  const campaign = organisation.campaign;
  if (!phoneColumn || !campaign) return [];
  const lastDay = campaign.saleDays.at(-1) ?? campaign.to;
  const [heads, entries] = await Promise.all([
    queryHeads(deps.table, organisation.code, spec.id, campaign.from, lastDay > campaign.to ? lastDay : campaign.to),
    queryPhoneEntries(deps.table, organisation.code, campaign.from),
  ]);
  const currentAttempt = new Map(heads.map((h) => [`${h.outlet}|${h.period}`, h.attempt]));
  const live = entries.filter((e) => currentAttempt.get(`${e.outlet}|${e.period}`) === e.attempt);
  const byPhone = new Map<string, typeof live>();
  for (const entry of live) byPhone.set(entry.phone, [...(byPhone.get(entry.phone) ?? []), entry]);
  const names = new Map([...organisation.outlets, ...(organisation.workplaces ?? [])].map((u) => [u.code, u.name]));
  const duplicates: DuplicateCustomer[] = [];
  for (const [phone, group] of byPhone) {
    const outlets = new Set(group.map((e) => e.outlet));
    if (outlets.size < 2) continue;
    for (const entry of group) {
      const others = [...outlets].filter((o) => o !== entry.outlet).map((o) => names.get(o) ?? o);
      duplicates.push({
        outlet: entry.outlet,
        period: entry.period,
        finding: createFinding('duplicate-customer', { sheetName: spec.sheetName, row: entry.rowNumber, column: phoneColumn }, {
          value: maskPhone(phone),
          slots: { other: others.join('、') },
        }),
      });
    }
  }
  return duplicates.sort((a, b) => (a.outlet + a.period + a.finding.address < b.outlet + b.period + b.finding.address ? -1 : 1));
}
