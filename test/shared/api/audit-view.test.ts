import { auditQuerySchema } from '#shared/api/audit-view';

describe('auditQuerySchema', () => {
  it('takes a day, with or without a sub-branch', () => {
    // Act
    const overview = auditQuerySchema.parse({ date: '2026-12-08' });
    const one = auditQuerySchema.parse({ date: '2026-12-08', subBranch: '3301' });

    // Assess
    expect(overview).toEqual({ date: '2026-12-08' });
    expect(one).toEqual({ date: '2026-12-08', subBranch: '3301' });
  });

  it('refuses a month, a missing date and an empty sub-branch', () => {
    // Act
    const results = [{ date: '2026-12' }, {}, { date: '2026-12-08', subBranch: '' }].map((q) => auditQuerySchema.safeParse(q).success);

    // Assess
    expect(results).toEqual([false, false, false]);
  });
});
