import fc from 'fast-check';
import { normaliseMobile } from '#shared/normalise/normalise-mobile';
import { toFullWidth } from './to-full-width';

describe('normaliseMobile', () => {
  it('passes 11 digits starting with 1 without a change', () => {
    expect(normaliseMobile('13800138000')).toEqual({ ok: true, value: '13800138000', changed: false });
  });

  it('reads a numeric cell of 11 digits without a change', () => {
    expect(normaliseMobile(13800138000)).toEqual({ ok: true, value: '13800138000', changed: false });
  });

  it('drops the 86 of a numeric cell with a change', () => {
    expect(normaliseMobile(8613800138000)).toEqual({ ok: true, value: '13800138000', changed: true });
  });

  it.each(['+86 138-0013-8000', '86 13800138000', '138 0013 8000', '138-0013-8000', '１３８００１３８０００', '(+86)13800138000'])(
    'reads %p as 13800138000 with a change',
    (typed) => {
      expect(normaliseMobile(typed)).toEqual({ ok: true, value: '13800138000', changed: true });
    },
  );

  it.each(['1380013800', '23800138000', '010-12345678', '138001380001', 'abc', 1.5])('refuses %p', (typed) => {
    expect(normaliseMobile(typed).ok).toBe(false);
  });

  describe('properties', () => {
    const mobiles = fc.stringMatching(/^1\d{10}$/);

    it('is idempotent: a normalised number normalises to itself without a change', () => {
      fc.assert(fc.property(mobiles, (mobile) => expect(normaliseMobile(mobile)).toEqual({ ok: true, value: mobile, changed: false })));
    });

    it('reads any mobile with +86, spaces and dashes, full-width or not, back to its digits', () => {
      fc.assert(
        fc.property(mobiles, fc.boolean(), (mobile, fullWidth) => {
          const typed = `+86 ${mobile.slice(0, 3)}-${mobile.slice(3, 7)} ${mobile.slice(7)}`;
          expect(normaliseMobile(fullWidth ? toFullWidth(typed) : typed)).toEqual({ ok: true, value: mobile, changed: true });
        }),
      );
    });
  });
});
