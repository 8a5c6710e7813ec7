import type { TemplateSpec } from '../spec/schema';
import type { TypedRow, TypedValue } from '../validation/types';
import type { AggregatePart, UnitAggregate } from './unit-aggregate';

function isFilled(value: TypedValue | undefined): boolean {
  return value !== null && value !== undefined && value !== '';
}

function numberIn(value: TypedValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The additive partial results of one submission for every summary column of the spec.
 * - `count`: rows where the column is filled (every row when no column is named);
 * - `count-equal`: rows whose column equals the value;
 * - `sum`: the numbers of the columns added up (empty or non-numeric cells add nothing);
 * - `average`: `{ sum, count }` over the rows where every named column holds a number
 *   (a row with a score missing would understate a total such as 平均总分, so it is left out);
 * - `share`: `{ hits, count }`, rows equal to the value among rows where the column is filled;
 * - `ratio`, `target-rate`: nothing stored, they are derived when the summary is made.
 * `rows` are the filled rows as the validator hands them over (blank rows already dropped).
 */
export function aggregateRows(spec: TemplateSpec, rows: readonly TypedRow[]): UnitAggregate {
  const parts: Record<string, AggregatePart> = {};
  for (const column of spec.summary.columns) {
    switch (column.agg) {
      case 'count': {
        const source = column.column;
        parts[column.label] = source === undefined ? rows.length : rows.filter((row) => isFilled(row.values[source])).length;
        break;
      }
      case 'count-equal':
        parts[column.label] = rows.filter((row) => row.values[column.column] === column.value).length;
        break;
      case 'sum': {
        let sum = 0;
        for (const row of rows) {
          for (const col of column.columns) sum += numberIn(row.values[col]) ?? 0;
        }
        parts[column.label] = sum;
        break;
      }
      case 'average': {
        let sum = 0;
        let count = 0;
        for (const row of rows) {
          const numbers = column.columns.map((col) => numberIn(row.values[col]));
          if (numbers.every((n): n is number => n !== null)) {
            sum += numbers.reduce((a, b) => a + b, 0);
            count += 1;
          }
        }
        parts[column.label] = { sum, count };
        break;
      }
      case 'share': {
        const filled = rows.filter((row) => isFilled(row.values[column.column]));
        parts[column.label] = { hits: filled.filter((row) => row.values[column.column] === column.value).length, count: filled.length };
        break;
      }
      case 'ratio':
      case 'target-rate':
        break;
    }
  }
  return { rows: rows.length, parts };
}
