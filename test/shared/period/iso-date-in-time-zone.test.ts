import fc from 'fast-check';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';

describe('isoDateInTimeZone', () => {
  it('gives the Shanghai day of an instant in the UTC afternoon, which is the next day there', () => {
    expect(isoDateInTimeZone(new Date('2026-12-01T16:00:00Z'), CAMPAIGN_TIME_ZONE)).toBe('2026-12-02');
  });

  it('keeps the same day one millisecond before Shanghai midnight', () => {
    expect(isoDateInTimeZone(new Date('2026-12-01T15:59:59.999Z'), 'Asia/Shanghai')).toBe('2026-12-01');
  });

  it('crosses the year end at Shanghai midnight', () => {
    expect(isoDateInTimeZone(new Date('2026-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2027-01-01');
  });

  it('takes the time zone as a parameter: the same instant is another day in UTC and in Los Angeles', () => {
    const instant = new Date('2026-12-01T16:00:00Z');
    expect([isoDateInTimeZone(instant, 'UTC'), isoDateInTimeZone(instant, 'America/Los_Angeles'), isoDateInTimeZone(instant, 'Asia/Shanghai')]).toEqual([
      '2026-12-01',
      '2026-12-01',
      '2026-12-02',
    ]);
  });

  it('is the UTC+8 day for any instant from 1992 on (Shanghai has kept no daylight saving time since 1991)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(isoDateInTimeZone(new Date(ms), 'Asia/Shanghai')).toBe(new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });

  describe('edge cases', () => {
    it('changes day at local midnight in New York, whose offset is that of winter time (UTC-5) on 2026-03-08', () => {
      expect([isoDateInTimeZone(new Date('2026-03-08T04:59:59Z'), 'America/New_York'), isoDateInTimeZone(new Date('2026-03-08T05:00:00Z'), 'America/New_York')]).toEqual([
        '2026-03-07',
        '2026-03-08',
      ]);
    });

    it('refuses an invalid Date and an unknown time zone', () => {
      expect(() => isoDateInTimeZone(new Date('not a date'), 'Asia/Shanghai')).toThrow(RangeError);
      expect(() => isoDateInTimeZone(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
    });
  });
});
