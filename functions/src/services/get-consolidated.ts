/**
 * GET /consolidated and /consolidated.xlsx: the ranked summary of a sub-branch rebuilt from the
 * per-outlet aggregates (one Query); rows on request, with the duplicate customers for managers and auditors.
 */
import * as z from 'zod';
import { isoDateInShanghai } from '../../../shared/src/period/iso-date-in-shanghai';
import { maskPhoneColumns } from '../../../shared/src/security/mask-phone-columns';
import { rankingKindSchema, type TemplateSpec } from '../../../shared/src/spec/schema';
import type { ConsolidatedSummary } from '../../../shared/src/summary/consolidated-summary';
import { summariseAggregates } from '../../../shared/src/summary/summarise-aggregates';
import type { TypedRow } from '../../../shared/src/validation/types';
import { getOrganisation } from '../adapters/org-store';
import { queryHeads } from '../adapters/submission-store';
import { canReadSubBranch, forbiddenScope, type Caller } from './caller';
import type { ServiceDeps } from './deps';
import { NotFoundError } from './errors';
import { findDuplicateCustomers, type DuplicateCustomer } from './find-duplicate-customers';
import { readCurrentRows } from './get-submission';
import { loadRegistry } from './load-registry';

const periodText = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM-DD or YYYY-MM');
export const consolidatedQuerySchema = z.object({
  template: z.string().min(1),
  subBranch: z.string().min(1),
  from: periodText.optional(),
  to: periodText.optional(),
  ranking: rankingKindSchema.optional(),
  rows: z.enum(['0', '1', 'true', 'false']).optional(),
});
export type ConsolidatedQuery = z.infer<typeof consolidatedQuerySchema>;

export interface OutletRows {
  outlet: string;
  period: string;
  version: number;
  rows: TypedRow[];
}

export interface ConsolidatedView extends ConsolidatedSummary {
  rows?: OutletRows[];
  duplicates?: DuplicateCustomer[];
}

export async function getConsolidated(
  deps: ServiceDeps,
  caller: Caller,
  rawQuery: Record<string, string | undefined>,
  options: { forceRows?: boolean } = {},
): Promise<{ view: ConsolidatedView; spec: TemplateSpec }> {
  const query = consolidatedQuerySchema.parse(rawQuery);
  if (!canReadSubBranch(caller, query.subBranch)) throw forbiddenScope(`支行 ${query.subBranch} / sub-branch ${query.subBranch}`);
  const organisation = await getOrganisation(deps.table, query.subBranch, deps.now().getTime());
  if (!organisation) throw new NotFoundError(`支行 ${query.subBranch} 尚无机构文件`, `sub-branch ${query.subBranch} has no organisation file`);
  const spec = (await loadRegistry(deps)).current(query.template);
  if (!spec) throw new NotFoundError(`没有模板 ${query.template}`, `no template ${query.template}`);
  const from = query.from ?? isoDateInShanghai(deps.now());
  const to = query.to ?? from;
  const keyOf = (p: string) => (spec.period === 'month' ? p.slice(0, 7) : p);
  const heads = await queryHeads(deps.table, organisation.code, spec.id, keyOf(from), keyOf(to));
  const summary = summariseAggregates(
    spec,
    organisation,
    heads.map((h) => ({ unit: h.outlet, period: h.period, aggregate: h.aggregate })),
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
    if (duplicates.length > 0) view.duplicates = duplicates;
  }
  return { view, spec };
}
