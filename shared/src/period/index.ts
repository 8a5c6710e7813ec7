/** Day and month period helpers (Asia/Shanghai, UTC+8, no DST); no current time is read inside. */
export { listDays } from './list-days';
export { countDays } from './count-days';
export { listMonths } from './list-months';
export { listPeriods } from './list-periods';
export { monthOfDate } from './month-of-date';
export { isoDateInTimeZone } from './iso-date-in-time-zone';
export { CAMPAIGN_TIME_ZONE } from './campaign-time-zone';
export { isAfterDeadline } from './is-after-deadline';
export { PeriodFormatError } from './period-format-error';
export { lastDayOfMonth } from './last-day-of-month';
