import { epochDayOfIsoDay } from './_lib/civil-days';

/** The month (YYYY-MM) a day (YYYY-MM-DD) falls in; throws PeriodFormatError for anything but a real day. */
export function monthOfDate(isoDay: string): string {
  epochDayOfIsoDay(isoDay);
  return isoDay.slice(0, 7);
}
