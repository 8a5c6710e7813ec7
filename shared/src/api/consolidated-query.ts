/** The query of GET /consolidated and GET /consolidated.xlsx, as the server parses it, and the range check the pane reuses. */
import * as z from '../zod';
import { countDays } from '../period/count-days';
import { rankingKindSchema } from '../spec/schema';

const periodText = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM-DD or YYYY-MM');

export const consolidatedQuerySchema = z.object({
  template: z.string().min(1),
  subBranch: z.string().min(1),
  /** First day or month; today (Asia/Shanghai) when left out. */
  from: periodText.optional(),
  /** Last day or month; `from` when left out. */
  to: periodText.optional(),
  ranking: rankingKindSchema.optional(),
  /** `1` or `true`: the outlets' rows too. */
  rows: z.enum(['0', '1', 'true', 'false']).optional(),
});
export type ConsolidatedQuery = z.infer<typeof consolidatedQuerySchema>;

/** The longest range a consolidated query may span, in days, both ends included (contract.md: 400 above it). */
export const MAX_CONSOLIDATED_RANGE_DAYS = 366;

/** Why a range cannot be asked for: `bad-range` (400), with both messages naming the fields. */
export interface ConsolidatedRangeProblem {
  code: 'bad-range';
  message_zh: string;
  message_en: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** A month's first day (as `from`) or last day (as `to`); a day stays itself; anything else is undefined. */
function dayOf(value: string, end: 'first' | 'last'): string | undefined {
  if (ISO_DAY.test(value)) return value;
  const month = ISO_MONTH.exec(value);
  if (!month) return undefined;
  if (end === 'first') return `${value}-01`;
  // Day 0 of the next month is the last day of this one (UTC, no time zone involved).
  const lastDay = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
  return `${value}-${String(lastDay).padStart(2, '0')}`;
}

/**
 * Checks a consolidated range before anything is read: `from` not after `to`, and at most
 * 366 days from the first day of `from` to the last day of `to` (months count by their days), counted
 * by calendar arithmetic (no list of days is built). Returns null when the range may be asked for.
 * A day that is not a real date is left to the period helpers (`bad-period`).
 */
export function checkConsolidatedRange(from: string, to: string): ConsolidatedRangeProblem | null {
  const first = dayOf(from, 'first');
  const last = dayOf(to, 'last');
  if (first === undefined || last === undefined) return null;
  let days: number;
  try {
    days = countDays(first, last);
  } catch (error) {
    if ((error as Error).name !== 'PeriodFormatError') throw error;
    // Either the order is wrong or a day does not exist: tell them apart by the text order of valid-looking ISO days.
    if (first <= last) return null;
    return {
      code: 'bad-range',
      message_zh: `开始日期 from（${from}）晚于结束日期 to（${to}）`,
      message_en: `from (${from}) is after to (${to})`,
    };
  }
  if (days > MAX_CONSOLIDATED_RANGE_DAYS) {
    return {
      code: 'bad-range',
      message_zh: `查询范围 from ${from} 至 to ${to} 共 ${days} 天，超过上限 ${MAX_CONSOLIDATED_RANGE_DAYS} 天`,
      message_en: `the range from ${from} to ${to} spans ${days} days, more than the limit of ${MAX_CONSOLIDATED_RANGE_DAYS} days`,
    };
  }
  return null;
}
