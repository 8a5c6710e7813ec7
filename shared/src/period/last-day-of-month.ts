import { epochDayOfIsoDay, isoDayFromEpochDay } from './_lib/civil-days';
import { monthOfDate } from './month-of-date';

/** The last day (YYYY-MM-DD) of the month a day (YYYY-MM-DD) falls in ('2026-12-02' gives '2026-12-31', '2028-02-10' gives '2028-02-29'). */
export function lastDayOfMonth(isoDay: string): string {
  const month = monthOfDate(isoDay);
  // Day 28 exists in every month; step forward while the month stays the same.
  let epochDay = epochDayOfIsoDay(`${month}-28`);
  while (isoDayFromEpochDay(epochDay + 1).startsWith(month)) epochDay += 1;
  return isoDayFromEpochDay(epochDay);
}
