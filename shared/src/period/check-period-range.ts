import { countDays } from './count-days';
import { listMonths } from './list-months';
import { PeriodFormatError } from './period-format-error';

/** The longest range a consolidated summary may span (contract.md, "HTTP API"). */
export const MAX_RANGE_DAYS = 366;

function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * Why the range [from, to] of days (YYYY-MM-DD) or months (YYYY-MM) cannot be asked for, or null when it can:
 * `from` after `to`, a malformed day or month, or more than 366 days. Both faces (the pane before it asks,
 * the server when it answers 400) say the same words.
 */
export function checkPeriodRange(kind: 'day' | 'month', from: string, to: string): PeriodFormatError | null {
  try {
    if (kind === 'month') listMonths(from, to);
    const days = kind === 'day' ? countDays(from, to) : countDays(`${from}-01`, lastDayOfMonth(to));
    if (days > MAX_RANGE_DAYS) {
      return new PeriodFormatError(
        `时间段 ${from} 至 ${to} 共 ${days} 天，最长 ${MAX_RANGE_DAYS} 天`,
        `the range ${from} to ${to} spans ${days} days; at most ${MAX_RANGE_DAYS} are allowed`,
      );
    }
    return null;
  } catch (error) {
    if (error instanceof PeriodFormatError) return error;
    throw error;
  }
}
