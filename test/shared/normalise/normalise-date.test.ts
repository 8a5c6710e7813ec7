import fc from 'fast-check';
import { excelSerialFromDate } from '#shared/normalise/excel-serial-from-date';
import { normaliseDate } from '#shared/normalise/normalise-date';
import { toFullWidth } from './to-full-width';

describe('normaliseDate', () => {
  it.each([
    ['2026年12月8日', '2026-12-08'],
    ['2026/12/8', '2026-12-08'],
    ['2026-12-8', '2026-12-08'],
    ['2026.12.08', '2026-12-08'],
    ['２０２６年１２月８日', '2026-12-08'],
    [' 2026-12-08 ', '2026-12-08'],
  ])('reads %p as %p with a change', (typed, expected) => {
    expect(normaliseDate(typed)).toEqual({ ok: true, value: expected, changed: true });
  });

  it('reads 12月8日 in the given default year', () => {
    expect(normaliseDate('12月8日', { defaultYear: 2026 })).toEqual({ ok: true, value: '2026-12-08', changed: true });
  });

  it('refuses 12月8日 without a default year', () => {
    expect(normaliseDate('12月8日')).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it('refuses 12/8 as a guess even with a default year', () => {
    expect(normaliseDate('12/8', { defaultYear: 2026 })).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it('passes an ISO date without a change', () => {
    expect(normaliseDate('2026-12-08')).toEqual({ ok: true, value: '2026-12-08', changed: false });
  });

  it('reads an Excel serial without a change', () => {
    expect(normaliseDate(46000)).toEqual({ ok: true, value: '2025-12-09', changed: false });
  });

  it.each(['2026-02-30', '2026年13月1日', '2025/2/29', 'tomorrow', 60, 0, -5])('refuses %p, which names no real day', (typed) => {
    expect(normaliseDate(typed).ok).toBe(false);
  });

  describe('properties', () => {
    const isoDates = fc
      .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));

    it('is idempotent: an ISO date normalises to itself without a change', () => {
      fc.assert(fc.property(isoDates, (iso) => expect(normaliseDate(iso)).toEqual({ ok: true, value: iso, changed: false })));
    });

    it('reads the Chinese and slashed forms of any day back to its ISO date', () => {
      fc.assert(
        fc.property(isoDates, (iso) => {
          const [y, m, d] = iso.split('-').map(Number);
          expect(normaliseDate(`${y}年${m}月${d}日`)).toMatchObject({ ok: true, value: iso });
          expect(normaliseDate(`${y}/${m}/${d}`)).toMatchObject({ ok: true, value: iso });
          expect(normaliseDate(toFullWidth(`${y}/${m}/${d}`))).toMatchObject({ ok: true, value: iso });
        }),
      );
    });

    it('round-trips any day through its Excel serial', () => {
      fc.assert(
        fc.property(isoDates, (iso) => {
          const serial = excelSerialFromDate(iso);
          expect(serial).not.toBeNull();
          expect(normaliseDate(serial as number)).toEqual({ ok: true, value: iso, changed: false });
        }),
      );
    });
  });
});
