import { epochMonthOfIsoMonth, isoMonthFromEpochMonth } from './_lib/civil-days';
import { PeriodFormatError } from './period-format-error';

/** The months (YYYY-MM) of the period [from, to], both included, in order. */
export function listMonths(from: string, to: string): string[] {
  const first = epochMonthOfIsoMonth(from);
  const last = epochMonthOfIsoMonth(to);
  if (last < first) {
    throw new PeriodFormatError(`期间的结束月 ${to} 早于开始月 ${from}`, `the period ends (${to}) before it starts (${from})`);
  }
  const months: string[] = [];
  for (let month = first; month <= last; month += 1) months.push(isoMonthFromEpochMonth(month));
  return months;
}
