/**
 * GET /consolidated and /consolidated.xlsx: the ranked summary of a sub-branch rebuilt from the
 * per-outlet aggregates (one Query); rows on request, with the duplicate customers for managers and auditors.
 */
import { checkConsolidatedRange, consolidatedQuerySchema } from '#shared/api/consolidated-query';
import type { ConsolidatedView } from '#shared/api/consolidated-view';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';
import { maskFindingPhones } from '#shared/security/mask-finding-phones';
import { maskPhoneColumns } from '#shared/security/mask-phone-columns';
import type { TemplateSpec } from '#shared/spec/schema';
import { summariseAggregates } from '#shared/summary/summarise-aggregates';
import { getOrganisation } from '../adapters/org-store';
import { queryHeads } from '../adapters/submission-store';
import { canReadSubBranch, forbiddenScope, type Caller } from './caller';
import type { ServiceDeps } from './deps';
import { BadRequestError, NotFoundError } from './errors';
import { findDuplicateCustomers } from './find-duplicate-customers';
import { readCurrentRows } from './get-submission';
import { loadRegistry } from './load-registry';

export async function getConsolidated(
  deps: ServiceDeps,
  caller: Caller,
  rawQuery: Record<string, string | undefined>,
  options: { forceRows?: boolean } = {},
): Promise<{ view: ConsolidatedView; spec: TemplateSpec }> {
  const query = consolidatedQuerySchema.parse(rawQuery);
  if (!canReadSubBranch(caller, query.subBranch)) throw forbiddenScope(`支行 ${query.subBranch} / sub-branch ${query.subBranch}`);
  // The range is checked before anything is read: a reversed or huge range is a 400, not a failed Query or a day list.
  const from = query.from ?? isoDateInTimeZone(deps.now(), CAMPAIGN_TIME_ZONE);
  const to = query.to ?? from;
  const rangeProblem = checkConsolidatedRange(from, to);
  if (rangeProblem) throw new BadRequestError(rangeProblem.code, rangeProblem.message_zh, rangeProblem.message_en);
  const organisation = await getOrganisation(deps.table, query.subBranch, deps.now().getTime());
  if (!organisation) throw new NotFoundError(`支行 ${query.subBranch} 尚无机构文件`, `sub-branch ${query.subBranch} has no organisation file`);
  const spec = (await loadRegistry(deps)).current(query.template);
  if (!spec) throw new NotFoundError(`没有模板 ${query.template}`, `no template ${query.template}`);
  const keyOf = (p: string) => (spec.period === 'month' ? p.slice(0, 7) : p);
  const heads = await queryHeads(deps.table, organisation.code, spec.id, keyOf(from), keyOf(to));
  const summary = summariseAggregates(
    spec,
    organisation,
    heads.map((h) => ({ unit: h.outlet, period: h.period, aggregate: h.aggregate, late: h.late })),
    { from, to, ranking: query.ranking },
  );
  const view: ConsolidatedView = { ...summary };
  const withRows = options.forceRows || query.rows === '1' || query.rows === 'true';
  if (withRows) {
    const visible = caller.role === 'outlet_head' ? heads.filter((h) => h.outlet === caller.outlet) : heads;
    view.rows = await Promise.all(
      visible.map(async (h) => {
        const { head, rows } = await readCurrentRows(deps, h, h);
        const own = caller.role === 'outlet_head' && caller.outlet === h.outlet;
        return { outlet: h.outlet, period: h.period, version: head.version, rows: own ? rows : maskPhoneColumns(spec, rows) };
      }),
    );
  }
  // Duplicate customers go with the rows (the view that shows customers): the ranked summary alone stays one Query.
  if (withRows && caller.role !== 'outlet_head') {
    const duplicates = (await findDuplicateCustomers(deps, spec, organisation)).filter((d) => d.period >= keyOf(from) && d.period <= keyOf(to));
    if (duplicates.length > 0) view.duplicates = duplicates.map((d) => ({ ...d, finding: maskFindingPhones(d.finding, spec) }));
  }
  return { view, spec };
}
