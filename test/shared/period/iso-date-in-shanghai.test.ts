import { isoDateInShanghai } from '#shared/period/iso-date-in-shanghai';

describe('isoDateInShanghai', () => {
  it('gives the Shanghai day of an instant in the UTC afternoon, which is the next day there', () => {
    // Prepare
    const now = new Date('2026-12-01T16:00:00Z');

    // Act
    const day = isoDateInShanghai(now);

    // Assess
    expect(day).toBe('2026-12-02');
  });

  it('keeps the same day one millisecond before Shanghai midnight', () => {
    // Prepare
    const now = new Date('2026-12-01T15:59:59.999Z');

    // Act
    const day = isoDateInShanghai(now);

    // Assess
    expect(day).toBe('2026-12-01');
  });

  it('crosses the year end at Shanghai midnight', () => {
    // Prepare
    const now = new Date('2026-12-31T16:00:00Z');

    // Act
    const day = isoDateInShanghai(now);

    // Assess
    expect(day).toBe('2027-01-01');
  });

  it('agrees with Intl for instants across many years', () => {
    // Prepare
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    const instants = Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(1995, 0, 1) + i * 57.3 * 24 * 3600 * 1000 + i * 3_600_000));

    // Act
    const days = instants.map((instant) => isoDateInShanghai(instant));

    // Assess
    expect(days).toEqual(instants.map((instant) => format.format(instant)));
  });

  it('refuses an invalid Date', () => {
    // Act
    const day = () => isoDateInShanghai(new Date('not a date'));

    // Assess
    expect(day).toThrow(RangeError);
  });
});
