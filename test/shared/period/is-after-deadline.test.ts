import { isAfterDeadline } from '#shared/period/is-after-deadline';
import { PeriodFormatError } from '#shared/period/period-format-error';

describe('isAfterDeadline', () => {
  it('takes a submission at 19:59 Shanghai time as on time', () => {
    // Prepare
    const submittedAt = new Date('2026-12-01T11:59:00Z');

    // Act
    const late = isAfterDeadline(submittedAt, '2026-12-01', '20:00');

    // Assess
    expect(late).toBe(false);
  });

  it('takes a submission at the deadline itself as on time', () => {
    // Prepare
    const submittedAt = new Date('2026-12-01T12:00:00.000Z');

    // Act
    const late = isAfterDeadline(submittedAt, '2026-12-01', '20:00');

    // Assess
    expect(late).toBe(false);
  });

  it('takes a submission a millisecond after the deadline as late', () => {
    // Prepare
    const submittedAt = new Date('2026-12-01T12:00:00.001Z');

    // Act
    const late = isAfterDeadline(submittedAt, '2026-12-01', '20:00');

    // Assess
    expect(late).toBe(true);
  });

  it("takes a submission after Shanghai midnight as late for the day before", () => {
    // Prepare
    const submittedAt = new Date('2026-12-01T16:30:00Z');

    // Act
    const late = isAfterDeadline(submittedAt, '2026-12-01', '23:59');

    // Assess
    expect(late).toBe(true);
  });

  it('takes a submission sent the day before the report day as on time', () => {
    // Prepare
    const submittedAt = new Date('2026-11-30T13:00:00Z');

    // Act
    const late = isAfterDeadline(submittedAt, '2026-12-01', '08:30');

    // Assess
    expect(late).toBe(false);
  });

  it('refuses a deadline not written HH:mm', () => {
    // Act
    const check = () => isAfterDeadline(new Date('2026-12-01T00:00:00Z'), '2026-12-01', '8pm');

    // Assess
    expect(check).toThrow(PeriodFormatError);
  });
});
