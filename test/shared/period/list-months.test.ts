import { listMonths } from '#shared/period/list-months';
import { listPeriods } from '#shared/period/list-periods';
import { PeriodFormatError } from '#shared/period/period-format-error';

describe('listMonths', () => {
  it('lists the months of a period across a year end', () => {
    // Act
    const months = listMonths('2026-11', '2027-02');

    // Assess
    expect(months).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('refuses a thirteenth month', () => {
    // Act
    const list = () => listMonths('2026-13', '2027-01');

    // Assess
    expect(list).toThrow(PeriodFormatError);
  });

  it('refuses a period that ends before it starts', () => {
    // Act
    const list = () => listMonths('2026-12', '2026-11');

    // Assess
    expect(list).toThrow(PeriodFormatError);
  });
});

describe('listPeriods', () => {
  it('lists days for a daily template and months for a monthly one', () => {
    // Act
    const periods = [listPeriods('day', '2026-12-31', '2027-01-01'), listPeriods('month', '2026-12', '2027-01')];

    // Assess
    expect(periods).toEqual([
      ['2026-12-31', '2027-01-01'],
      ['2026-12', '2027-01'],
    ]);
  });
});
