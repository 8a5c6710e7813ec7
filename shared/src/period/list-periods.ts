import { listDays } from './list-days';
import { listMonths } from './list-months';

/** The reporting periods of [from, to]: days (YYYY-MM-DD) for daily templates, months (YYYY-MM) for monthly ones. */
export function listPeriods(kind: 'day' | 'month', from: string, to: string): string[] {
  return kind === 'day' ? listDays(from, to) : listMonths(from, to);
}
