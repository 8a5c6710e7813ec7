import { epochDayOfIsoDay } from './_lib/civil-days';
import { PeriodFormatError } from './period-format-error';
import { MS_PER_DAY, SHANGHAI_OFFSET_MS } from './_lib/shanghai-time';

const DEADLINE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * True when `submittedAt` comes after the deadline `HH:mm` (Asia/Shanghai, UTC+8) of `reportDay` (YYYY-MM-DD).
 * A submission at the deadline's very minute start (20:00:00.000) is on time; 20:00:00.001 is late.
 */
export function isAfterDeadline(submittedAt: Date, reportDay: string, deadline: string): boolean {
  const match = DEADLINE.exec(deadline);
  if (!match) throw new PeriodFormatError(`截止时间应为 HH:mm 格式：${deadline}`, `a deadline must be written HH:mm: ${deadline}`);
  const instant = submittedAt.getTime();
  if (!Number.isFinite(instant)) throw new RangeError('isAfterDeadline: invalid Date');
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  const deadlineInstant = epochDayOfIsoDay(reportDay) * MS_PER_DAY + minutes * 60_000 - SHANGHAI_OFFSET_MS;
  return instant > deadlineInstant;
}
