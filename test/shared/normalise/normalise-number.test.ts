import fc from 'fast-check';
import { normaliseNumber } from '#shared/normalise/normalise-number';
import { toFullWidth } from './to-full-width';

describe('normaliseNumber', () => {
  it.each([
    ['100万', 1_000_000],
    ['1.5万元', 15_000],
    ['1,000,000', 1_000_000],
    ['30万元', 300_000],
    ['１２３', 123],
    [' 42 ', 42],
    ['-3.25', -3.25],
    ['1.2345万', 12_345],
    ['100元', 100],
    ['¥1,000', 1000],
    ['￥2,500.50', 2500.5],
  ])('reads %p as %p yuan, with a change', (typed, expected) => {
    // Prepare / Act
    const result = normaliseNumber(typed);
    // Assess
    expect(result).toEqual({ ok: true, value: expected, changed: true });
  });

  it('passes a number through without a change', () => {
    expect(normaliseNumber(300000)).toEqual({ ok: true, value: 300000, changed: false });
  });

  it('reads 万 in a 万元 column as plain 万元', () => {
    expect(normaliseNumber('30万', { unit: '万元' })).toEqual({ ok: true, value: 30, changed: true });
    expect(normaliseNumber('30万元', { unit: '万元' })).toEqual({ ok: true, value: 30, changed: true });
  });

  it('refuses yuan written into a 万元 column as a guess', () => {
    expect(normaliseNumber('300000元', { unit: '万元' })).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it('refuses an amount with two units as ambiguous', () => {
    expect(normaliseNumber('1万元万')).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it('refuses a yuan sign together with 万, or in a 万元 column, as ambiguous', () => {
    expect([normaliseNumber('¥30万').ok, normaliseNumber('¥30', { unit: '万元' }).ok]).toEqual([false, false]);
  });

  it('refuses a fraction in an integer column rather than rounding it', () => {
    expect(normaliseNumber('1.5', { integer: true })).toEqual({ ok: false, reason: 'not-integer' });
    expect(normaliseNumber(1.5, { integer: true })).toEqual({ ok: false, reason: 'not-integer' });
  });

  it.each(['1,00', 'abc', '', '.', '1e5', '12 34', '--1', true])('refuses %p', (typed) => {
    expect(normaliseNumber(typed).ok).toBe(false);
  });

  describe('properties', () => {
    it('reads the text of any safe integer back as that integer', () => {
      fc.assert(
        fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
          const result = normaliseNumber(String(n));
          expect(result).toEqual({ ok: true, value: n === 0 ? 0 : n, changed: true });
        }),
      );
    });

    it('reads thousands-separated text as the number (round trip through toLocaleString)', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
          expect(normaliseNumber(n.toLocaleString('en-US'))).toMatchObject({ ok: true, value: n });
        }),
      );
    });

    it('is idempotent: a normalised value normalises to itself without a change', () => {
      fc.assert(
        fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), (n) => {
          const once = normaliseNumber(String(n));
          fc.pre(once.ok);
          if (!once.ok) return;
          expect(normaliseNumber(once.value)).toEqual({ ok: true, value: once.value, changed: false });
        }),
      );
    });

    it('reads full-width text exactly as its half-width form', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom('', '万', '万元', '元'), (n, unit) => {
          const text = `${n}${unit}`;
          expect(normaliseNumber(toFullWidth(text))).toEqual(normaliseNumber(text));
        }),
      );
    });

    it('multiplies by exactly 10,000 for 万, with up to four decimals', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 0, max: 9999 }), (whole, fraction) => {
          const text = `${whole}.${String(fraction).padStart(4, '0')}万`;
          expect(normaliseNumber(text)).toMatchObject({ ok: true, value: whole * 10000 + fraction });
        }),
      );
    });
  });
});
