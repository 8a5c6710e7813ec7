import fc from 'fast-check';
import { normaliseMonth } from '#shared/normalise/normalise-month';

describe('normaliseMonth', () => {
  it('passes 2026-12 without a change', () => {
    expect(normaliseMonth('2026-12')).toEqual({ ok: true, value: '2026-12', changed: false });
  });

  it.each([
    ['2026年12月', '2026-12'],
    ['2026/12', '2026-12'],
    ['2026-1', '2026-01'],
    ['2026-12-08', '2026-12'],
    ['2026年12月8日', '2026-12'],
    ['２０２６年１２月', '2026-12'],
  ])('reads %p as %p with a change', (typed, expected) => {
    expect(normaliseMonth(typed)).toEqual({ ok: true, value: expected, changed: true });
  });

  it('reads an Excel serial (Excel turns a typed 2026-12 into 2026-12-01) without a change', () => {
    expect(normaliseMonth(46357)).toEqual({ ok: true, value: '2026-12', changed: false });
  });

  it.each(['12月', '2026-13', 'December', '2026'])('refuses %p', (typed) => {
    expect(normaliseMonth(typed).ok).toBe(false);
  });

  it('is idempotent on canonical months', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const canonical = `${year}-${String(month).padStart(2, '0')}`;
        expect(normaliseMonth(`${year}年${month}月`)).toEqual({ ok: true, value: canonical, changed: true });
        expect(normaliseMonth(canonical)).toEqual({ ok: true, value: canonical, changed: false });
      }),
    );
  });
});
