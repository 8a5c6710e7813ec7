import fc from 'fast-check';
import { normaliseYesNo } from '#shared/normalise/normalise-yes-no';
import { toFullWidth } from './to-full-width';

describe('normaliseYesNo', () => {
  it.each(['是', '否'])('passes %p without a change', (typed) => {
    expect(normaliseYesNo(typed)).toEqual({ ok: true, value: typed, changed: false });
  });

  it.each([
    ['Y', '是'],
    ['y', '是'],
    ['N', '否'],
    ['yes', '是'],
    ['NO', '否'],
    ['√', '是'],
    ['✓', '是'],
    ['×', '否'],
    ['✗', '否'],
    ['TRUE', '是'],
    ['false', '否'],
    [' 是 ', '是'],
    ['Ｙ', '是'],
  ])('reads %p as %p with a change', (typed, expected) => {
    expect(normaliseYesNo(typed)).toEqual({ ok: true, value: expected, changed: true });
  });

  it('reads the booleans true and false', () => {
    expect([normaliseYesNo(true), normaliseYesNo(false)]).toEqual([
      { ok: true, value: '是', changed: true },
      { ok: true, value: '否', changed: true },
    ]);
  });

  it.each(['是的', '1', 'x', '不是', 1, ''])('refuses %p, which would be a guess', (typed) => {
    expect(normaliseYesNo(typed).ok).toBe(false);
  });

  it('is idempotent and reads full-width like half-width', () => {
    fc.assert(
      fc.property(fc.constantFrom('y', 'Y', 'n', 'N', 'yes', 'No', 'TRUE', 'false'), (typed) => {
        const once = normaliseYesNo(typed);
        expect(normaliseYesNo(toFullWidth(typed))).toEqual(once);
        if (once.ok) expect(normaliseYesNo(once.value)).toEqual({ ok: true, value: once.value, changed: false });
      }),
    );
  });
});
