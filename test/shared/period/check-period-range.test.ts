import { checkPeriodRange } from '#shared/period/check-period-range';

describe('checkPeriodRange', () => {
  it('accepts a day, a campaign week, 366 days and a year of months', () => {
    expect(checkPeriodRange('day', '2026-12-01', '2026-12-01')).toBeNull();
    expect(checkPeriodRange('day', '2026-12-01', '2026-12-07')).toBeNull();
    expect(checkPeriodRange('day', '2027-01-01', '2027-12-31')).toBeNull();
    expect(checkPeriodRange('day', '2028-01-01', '2028-12-31')).toBeNull(); // a leap year: 366 days
    expect(checkPeriodRange('month', '2026-01', '2026-12')).toBeNull();
  });

  it('names a reversed range in both languages', () => {
    const days = checkPeriodRange('day', '2026-12-05', '2026-12-01');
    const months = checkPeriodRange('month', '2026-12', '2026-11');
    expect([days?.message_zh, days?.message_en]).toEqual(['期间的结束日 2026-12-01 早于开始日 2026-12-05', 'the period ends (2026-12-01) before it starts (2026-12-05)']);
    expect(months?.message_zh).toBe('期间的结束月 2026-11 早于开始月 2026-12');
  });

  describe('edge cases', () => {
    it('refuses 367 days and 13 months, saying how long the range is', () => {
      expect(checkPeriodRange('day', '2026-01-01', '2027-01-02')?.message_zh).toBe('时间段 2026-01-01 至 2027-01-02 共 367 天，最长 366 天');
      expect(checkPeriodRange('month', '2026-01', '2027-01')?.message_en).toBe('the range 2026-01 to 2027-01 spans 396 days; at most 366 are allowed');
    });

    it('refuses a day that does not exist', () => {
      expect(checkPeriodRange('day', '2026-02-30', '2026-03-01')?.message_en).toBe('a day must be a real date written YYYY-MM-DD: 2026-02-30');
    });
  });
});
