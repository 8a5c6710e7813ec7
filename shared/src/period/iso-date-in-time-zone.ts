/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for a time zone the runtime does not know, before anything is cached.
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The calendar day (YYYY-MM-DD) in the IANA time zone `timeZone` at the instant `instant`, as
 * date-fns' `in` option takes a zone (2026-12-01T16:00Z is already 2026-12-02 in 'Asia/Shanghai').
 * Throws RangeError for an invalid Date or an unknown time zone.
 */
export function isoDateInTimeZone(instant: Date, timeZone: string): string {
  if (!Number.isFinite(instant.getTime())) throw new RangeError('isoDateInTimeZone: invalid Date');
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}
