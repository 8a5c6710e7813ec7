/** Asia/Shanghai is UTC+8 all year (no daylight saving time since 1991). */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
export const MS_PER_DAY = 24 * 60 * 60 * 1000;
