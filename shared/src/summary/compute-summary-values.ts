import type { SummaryColumn, TemplateSpec } from '../spec/schema';
import type { ConsolidatedSummary } from './consolidated-summary';
import { SummarySpecError } from './summary-spec-error';
import type { AggregatePart, UnitAggregate } from './unit-aggregate';

type SummaryValues = ConsolidatedSummary['total'];

function partValue(column: SummaryColumn, part: AggregatePart | undefined): number | null {
  if (part === undefined) return column.agg === 'average' || column.agg === 'share' ? null : 0;
  if (typeof part === 'number') return part;
  if ('sum' in part) return part.count > 0 ? part.sum / part.count : null;
  return part.count > 0 ? part.hits / part.count : null;
}

/**
 * The summary values of one unit (or of the total) from its aggregate, keyed by summary label, unrounded.
 * `periodTargets` are the targets for the whole period by label (the daily target × days, or × units for the total).
 * Averages and shares are null when no row had a value; a ratio is null when its denominator is 0 or empty;
 * a target rate is a fraction, null when the target is 0 or absent.
 */
export function computeSummaryValues(
  spec: TemplateSpec,
  aggregate: UnitAggregate,
  periodTargets: Readonly<Record<string, number>>,
): SummaryValues {
  const byLabel = new Map<string, SummaryColumn>(spec.summary.columns.map((column) => [column.label, column]));
  const values: SummaryValues = {};
  const resolving = new Set<string>();

  const resolve = (label: string, referencedBy: string): number | null => {
    if (label in values) return values[label];
    const column = byLabel.get(label);
    if (!column) {
      throw new SummarySpecError(`汇总列“${referencedBy}”引用了不存在的汇总列“${label}”`, `summary column "${referencedBy}" names unknown summary label "${label}"`);
    }
    if (resolving.has(label)) {
      throw new SummarySpecError(`汇总列“${label}”循环引用`, `summary column "${label}" refers to itself`);
    }
    resolving.add(label);
    let value: number | null;
    switch (column.agg) {
      case 'ratio': {
        const numerator = resolve(column.numerator, label);
        const denominator = resolve(column.denominator, label);
        value = numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;
        break;
      }
      case 'target-rate': {
        const achieved = resolve(column.of, label);
        const target = periodTargets[column.of] ?? 0;
        value = achieved === null || target === 0 ? null : achieved / target;
        break;
      }
      default:
        value = partValue(column, aggregate.parts[label]);
    }
    resolving.delete(label);
    values[label] = value;
    return value;
  };

  for (const column of spec.summary.columns) resolve(column.label, column.label);
  // Keep the spec's column order in the output object.
  return Object.fromEntries(spec.summary.columns.map((column) => [column.label, values[column.label]]));
}
