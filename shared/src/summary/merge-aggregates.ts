import type { TemplateSpec } from '../spec/schema';
import { SummarySpecError } from './summary-spec-error';
import type { AggregatePart, AveragePart, SharePart, UnitAggregate } from './unit-aggregate';

function partError(label: string, expected: string): SummarySpecError {
  return new SummarySpecError(`汇总数据“${label}”应为${expected}，与模板定义不符`, `aggregate part "${label}" should be ${expected}; it does not fit the spec`);
}

function numberPart(part: AggregatePart | undefined, label: string): number {
  if (part === undefined) return 0;
  if (typeof part !== 'number') throw partError(label, 'a number');
  return part;
}

function averagePart(part: AggregatePart | undefined, label: string): AveragePart {
  if (part === undefined) return { sum: 0, count: 0 };
  if (typeof part !== 'object' || !('sum' in part)) throw partError(label, '{ sum, count }');
  return part;
}

function sharePart(part: AggregatePart | undefined, label: string): SharePart {
  if (part === undefined) return { hits: 0, count: 0 };
  if (typeof part !== 'object' || !('hits' in part)) throw partError(label, '{ hits, count }');
  return part;
}

/**
 * Adds aggregates of the same spec (several days of one outlet, or all outlets for a total).
 * A part an aggregate lacks counts as zero (an aggregate stored before a summary column existed);
 * a part of the wrong kind throws SummarySpecError. No aggregates give the empty aggregate.
 */
export function mergeAggregates(spec: TemplateSpec, aggregates: readonly UnitAggregate[]): UnitAggregate {
  const parts: Record<string, AggregatePart> = {};
  for (const column of spec.summary.columns) {
    const label = column.label;
    switch (column.agg) {
      case 'count':
      case 'count-equal':
      case 'sum':
        parts[label] = aggregates.reduce((total, aggregate) => total + numberPart(aggregate.parts[label], label), 0);
        break;
      case 'average':
        parts[label] = aggregates.reduce<AveragePart>(
          (total, aggregate) => {
            const part = averagePart(aggregate.parts[label], label);
            return { sum: total.sum + part.sum, count: total.count + part.count };
          },
          { sum: 0, count: 0 },
        );
        break;
      case 'share':
        parts[label] = aggregates.reduce<SharePart>(
          (total, aggregate) => {
            const part = sharePart(aggregate.parts[label], label);
            return { hits: total.hits + part.hits, count: total.count + part.count };
          },
          { hits: 0, count: 0 },
        );
        break;
      case 'ratio':
      case 'target-rate':
        break;
    }
  }
  return { rows: aggregates.reduce((total, aggregate) => total + aggregate.rows, 0), parts };
}
