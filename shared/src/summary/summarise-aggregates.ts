import type { Organisation } from '../org/schema';
import { countDays } from '../period/count-days';
import { listMonths } from '../period/list-months';
import { listPeriods } from '../period/list-periods';
import type { RankingKind, TemplateSpec } from '../spec/schema';
import { computeSummaryValues } from './compute-summary-values';
import { DEFAULT_WARN_BELOW } from '../org/schema';
import type { ConsolidatedSummary, MissingUnit, SummaryLine } from './consolidated-summary';
import { listExpectedUnits } from './list-expected-units';
import { mergeAggregates } from './merge-aggregates';
import { rankValues } from './rank-values';
import type { UnitAggregate } from './unit-aggregate';

export interface SummariseOptions {
  /** First day (YYYY-MM-DD) of the period; for monthly templates a month (YYYY-MM) or any day in it. */
  from: string;
  /** Last day (or month), included. */
  to: string;
  /** Overrides the template's ranking kind (`--dense`, `&ranking=dense`). */
  ranking?: RankingKind;
}

export interface AggregateEntry {
  /** Outlet or workplace code (a name the organisation lists is accepted and mapped to its code). */
  unit: string;
  /** The day (YYYY-MM-DD) or month (YYYY-MM) the aggregate reports. */
  period: string;
  aggregate: UnitAggregate;
  /** Received after that period's deadline (the server knows; a file given to `pts summary` does not say). */
  late?: boolean;
}

function normalisePeriod(kind: TemplateSpec['period'], value: string): string {
  if (kind === 'month' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.slice(0, 7);
  return value;
}

function compareCodes(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * The consolidated summary of a sub-branch for the period [from, to] (days for daily templates, months for
 * monthly ones), from stored aggregates: one line per unit that reported, ranked; 未报送 units in `missing`;
 * the `total` line over all units.
 *
 * - Expected units: see `listExpectedUnits` (outlets; for 活动追踪 the workplaces when the organisation lists any).
 * - Entries outside the period are ignored; several entries of one unit (several days) are merged.
 * - Targets: `organisation.targets[spec.id][label]`, else `spec.targets[label]`, per unit per day (or month),
 *   × the number of days (or months) in the period — an outlet that missed a day keeps the full target.
 *   The total's target is that times the number of units, non-reporting ones included.
 * - A unit that reported with no rows ranks with zeros. A unit that reported but is not in the organisation
 *   is listed, ranked and counted in the total like the others, with its code as name and `unlisted: true`.
 *   A listed outlet reporting a template whose expected units are workplaces is listed the same way, unflagged.
 * - A unit some of whose reports in the period came after their deadline carries `late`: how many did.
 * - Ranking: `options.ranking`, else the spec's; descending on unrounded values; ties and unranked lines in
 *   code order; empty values (a ratio over 0, an average of no rows, a rate without target) come last, all
 *   sharing the rank after the non-empty ones (see `rankValues`).
 */
export function summariseAggregates(
  spec: TemplateSpec,
  organisation: Organisation,
  entries: readonly AggregateEntry[],
  options: SummariseOptions,
): ConsolidatedSummary {
  const from = normalisePeriod(spec.period, options.from);
  const to = normalisePeriod(spec.period, options.to);
  // Counted by arithmetic for days: a long range must not build a list of every day.
  const periodCount = spec.period === 'day' ? countDays(from, to) : listMonths(from, to).length;
  const ranking = options.ranking ?? spec.summary.ranking;

  const knownUnits = [...organisation.outlets, ...(organisation.workplaces ?? [])];
  const byCode = new Map(knownUnits.map((unit) => [unit.code, unit]));
  const byName = new Map(knownUnits.map((unit) => [unit.name, unit]));

  const reported = new Map<string, UnitAggregate[]>();
  const lateCounts = new Map<string, number>();
  for (const entry of entries) {
    const period = normalisePeriod(spec.period, entry.period);
    listPeriods(spec.period, period, period); // throws PeriodFormatError for a malformed day or month
    if (period < from || period > to) continue;
    const code = (byCode.get(entry.unit) ?? byName.get(entry.unit.trim()))?.code ?? entry.unit;
    const aggregates = reported.get(code) ?? [];
    aggregates.push(entry.aggregate);
    reported.set(code, aggregates);
    if (entry.late === true) lateCounts.set(code, (lateCounts.get(code) ?? 0) + 1);
  }

  const dailyTargets: Record<string, number> = { ...spec.targets, ...(organisation.targets[spec.id] ?? {}) };
  const unitTargets = Object.fromEntries(Object.entries(dailyTargets).map(([label, target]) => [label, target * periodCount]));

  const expected = listExpectedUnits(spec, organisation);
  const expectedCodes = new Set(expected.map((unit) => unit.code));
  const missing: MissingUnit[] = expected.filter((unit) => !reported.has(unit.code)).map((unit) => ({ outlet: unit.code, outletName: unit.name }));

  const unitCodes = [...reported.keys()].sort(compareCodes);
  const merged = unitCodes.map((code) => mergeAggregates(spec, reported.get(code) ?? []));
  const lineValues = merged.map((aggregate) => computeSummaryValues(spec, aggregate, unitTargets));

  const rankOf = (label: string): (number | null)[] => rankValues(lineValues.map((values) => values[label] ?? null), ranking);
  const mainRanks = rankOf(spec.summary.rankBy);
  const alsoRanks = spec.summary.alsoRankBy.map((label) => [label, rankOf(label)] as const);

  const lines: SummaryLine[] = unitCodes.map((code, index) => {
    const unit = byCode.get(code);
    const line: SummaryLine = { outlet: code, outletName: unit?.name ?? code, rank: mainRanks[index], values: lineValues[index] };
    if (alsoRanks.length > 0) line.ranks = Object.fromEntries(alsoRanks.map(([label, ranks]) => [label, ranks[index]]));
    if (!unit) line.unlisted = true;
    const late = lateCounts.get(code) ?? 0;
    if (late > 0) line.late = late;
    return line;
  });
  lines.sort((a, b) => {
    if (a.rank !== b.rank) {
      if (a.rank === null) return 1;
      if (b.rank === null) return -1;
      return a.rank - b.rank;
    }
    return compareCodes(a.outlet, b.outlet);
  });

  const unitsInTotal = expectedCodes.size + unitCodes.filter((code) => !expectedCodes.has(code)).length;
  const totalTargets = Object.fromEntries(Object.entries(unitTargets).map(([label, target]) => [label, target * unitsInTotal]));
  const total = computeSummaryValues(spec, mergeAggregates(spec, merged), totalTargets);

  return { template: spec.id, subBranch: organisation.code, subBranchName: organisation.name, from, to, ranking, outlets: lines, missing, total, warnBelow: organisation.warnBelow ?? DEFAULT_WARN_BELOW };
}
