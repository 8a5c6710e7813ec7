import { monthOfDate } from '#shared/period/month-of-date';
import { PeriodFormatError } from '#shared/period/period-format-error';

describe('monthOfDate', () => {
  it('gives the month a day falls in', () => {
    // Act
    const month = monthOfDate('2026-12-08');

    // Assess
    expect(month).toBe('2026-12');
  });

  it('refuses a day that does not exist', () => {
    // Act
    const month = () => monthOfDate('2026-11-31');

    // Assess
    expect(month).toThrow(PeriodFormatError);
  });
});
