import { epochDayOfIsoDay, isoDayFromEpochDay } from './_lib/civil-days';
import { PeriodFormatError } from './period-format-error';

/** The days of the period [from, to], both included, in order ('2026-12-01'..'2026-12-07' gives 7 days). */
export function listDays(from: string, to: string): string[] {
  const first = epochDayOfIsoDay(from);
  const last = epochDayOfIsoDay(to);
  if (last < first) {
    throw new PeriodFormatError(`期间的结束日 ${to} 早于开始日 ${from}`, `the period ends (${to}) before it starts (${from})`);
  }
  const days: string[] = [];
  for (let day = first; day <= last; day += 1) days.push(isoDayFromEpochDay(day));
  return days;
}
