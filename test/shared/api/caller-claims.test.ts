import { roleSchema, scopeClaimSchema } from '#shared/api/caller-claims';

describe('roleSchema', () => {
  it('accepts the three roles of the contract', () => {
    // Act
    const roles = ['outlet_head', 'subbranch_manager', 'auditor'].map((r) => roleSchema.safeParse(r).success);

    // Assess
    expect(roles).toEqual([true, true, true]);
  });

  it('refuses any other role, whatever its case', () => {
    // Act
    const roles = ['admin', 'Auditor', '', undefined].map((r) => roleSchema.safeParse(r).success);

    // Assess
    expect(roles).toEqual([false, false, false, false]);
  });
});

describe('scopeClaimSchema', () => {
  it('reads a code sent as a number as its text', () => {
    // Act
    const outlet = scopeClaimSchema.parse(3301001);

    // Assess
    expect(outlet).toBe('3301001');
  });

  it('leaves an absent claim undefined and refuses an empty one', () => {
    // Act
    const absent = scopeClaimSchema.safeParse(undefined);
    const empty = scopeClaimSchema.safeParse('');

    // Assess
    expect(absent).toEqual({ success: true, data: undefined });
    expect(empty.success).toBe(false);
  });
});
