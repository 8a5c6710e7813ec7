import { localTokenRequestSchema } from '#shared/api/local-token-request';

describe('localTokenRequestSchema', () => {
  it('takes a role with its scope and a display name', () => {
    // Act
    const request = localTokenRequestSchema.parse({ role: 'outlet_head', subBranch: '3301', outlet: '3301002', name: '王芳' });

    // Assess
    expect(request).toEqual({ role: 'outlet_head', subBranch: '3301', outlet: '3301002', name: '王芳' });
  });

  it('refuses an unknown role, an empty outlet and a name over 40 characters', () => {
    // Act
    const results = [{ role: 'admin' }, { role: 'outlet_head', outlet: '' }, { role: 'auditor', name: '名'.repeat(41) }].map(
      (r) => localTokenRequestSchema.safeParse(r).success,
    );

    // Assess
    expect(results).toEqual([false, false, false]);
  });
});
