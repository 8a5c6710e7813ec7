/**
 * The campaign's time zone: the daily deadline, the day of checking (`--as-of` by default) and the
 * day a submission arrives are read on its clock (contract.md). Callers pass it to `isoDateInTimeZone`.
 */
export const CAMPAIGN_TIME_ZONE = 'Asia/Shanghai';
