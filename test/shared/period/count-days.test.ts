import { countDays } from '#shared/period/count-days';
import { PeriodFormatError } from '#shared/period/period-format-error';

describe('countDays', () => {
  it('counts both ends of the period', () => {
    // Act
    const count = countDays('2026-12-01', '2026-12-07');

    // Assess
    expect(count).toBe(7);
  });

  it('counts 1 for a single day', () => {
    // Act
    const count = countDays('2026-12-08', '2026-12-08');

    // Assess
    expect(count).toBe(1);
  });

  it('counts a leap year as 366 days', () => {
    // Act
    const count = countDays('2028-01-01', '2028-12-31');

    // Assess
    expect(count).toBe(366);
  });

  it('refuses a period that ends before it starts', () => {
    // Act
    const count = () => countDays('2026-12-02', '2026-12-01');

    // Assess
    expect(count).toThrow(PeriodFormatError);
  });
});
