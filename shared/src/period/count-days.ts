import { epochDayOfIsoDay } from './_lib/civil-days';
import { PeriodFormatError } from './period-format-error';

/** Number of days in the period [from, to], both included (a single day counts 1). */
export function countDays(from: string, to: string): number {
  const count = epochDayOfIsoDay(to) - epochDayOfIsoDay(from) + 1;
  if (count < 1) {
    throw new PeriodFormatError(`期间的结束日 ${to} 早于开始日 ${from}`, `the period ends (${to}) before it starts (${from})`);
  }
  return count;
}
