import { listDays } from '#shared/period/list-days';
import { PeriodFormatError } from '#shared/period/period-format-error';

describe('listDays', () => {
  it('lists the seven days of the campaign, both ends included', () => {
    // Act
    const days = listDays('2026-12-01', '2026-12-07');

    // Assess
    expect(days).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']);
  });

  it('lists a single day for a period of one day', () => {
    // Act
    const days = listDays('2026-12-08', '2026-12-08');

    // Assess
    expect(days).toEqual(['2026-12-08']);
  });

  it('crosses month and year ends and counts 29 February of a leap year', () => {
    // Act
    const days = [listDays('2026-12-30', '2027-01-02'), listDays('2028-02-28', '2028-03-01')];

    // Assess
    expect(days).toEqual([
      ['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02'],
      ['2028-02-28', '2028-02-29', '2028-03-01'],
    ]);
  });

  it('refuses a period that ends before it starts', () => {
    // Act
    const list = () => listDays('2026-12-07', '2026-12-01');

    // Assess
    expect(list).toThrow(PeriodFormatError);
  });

  it('refuses a day that is not in the calendar', () => {
    // Act
    const list = () => listDays('2027-02-29', '2027-03-01');

    // Assess
    expect(list).toThrow(/2027-02-29/);
  });

  it('refuses a day not written YYYY-MM-DD', () => {
    // Act
    const list = () => listDays('2026/12/1', '2026-12-02');

    // Assess
    expect(list).toThrow(PeriodFormatError);
  });
});
