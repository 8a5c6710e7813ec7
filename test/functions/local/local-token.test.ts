import { createLocalSigner } from '#functions/local/local-token';
import { callerFromClaims } from '#functions/services/caller';

describe('local stack tokens', () => {
  const signer = createLocalSigner();

  it.each<[Parameters<typeof signer.sign>[0], string]>([
    [{ role: 'outlet_head', subBranch: '3301', outlet: '3301001' }, '王建国'],
    [{ role: 'outlet_head', subBranch: '3301', outlet: '3301002' }, '李秀英'],
    [{ role: 'subbranch_manager', subBranch: '3301' }, '孙晓梅'],
    [{ role: 'auditor' }, '郑国平'],
    [{ role: 'outlet_head', subBranch: '3301', outlet: '3301002', name: '钱多多' }, '钱多多'],
  ])('name the demo person of %j: %s', async (request, name) => {
    // Act
    const claims = await signer.verify(signer.sign(request));
    // Assess
    expect(claims.name).toBe(name);
    expect(callerFromClaims(claims).name).toBe(name);
  });

  it('gives a person outside the demo sub-branch a stable Chinese name, not an identifier', async () => {
    // Act
    const first = await signer.verify(signer.sign({ role: 'outlet_head', subBranch: '3302', outlet: '3302007' }));
    const again = await signer.verify(signer.sign({ role: 'outlet_head', subBranch: '3302', outlet: '3302007' }));
    // Assess
    expect(first.name).toMatch(/^[\u4e00-\u9fff]{3}$/);
    expect(again.name).toBe(first.name);
  });
});
