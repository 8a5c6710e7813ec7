/**
 * How a summary marks an outlet whose report came after the deadline (GET /consolidated's `late` count):
 * the pane's 迟报 column and the note of the server's consolidated workbook say it the same way.
 */
export const LATE_LABEL = '迟报';

/** Empty when on time (or unknown), 迟报 for one late report, 迟报 N 次 for several over a period. */
export function lateMark(late: number | undefined): string {
  if (!late) return '';
  return late === 1 ? LATE_LABEL : `${LATE_LABEL} ${late} 次`;
}
