import { rankValues } from '#shared/summary/rank-values';

describe('rankValues', () => {
  it('ranks descending, the largest value first', () => {
    // Prepare
    const values = [3, 9, 5];

    // Act
    const ranks = rankValues(values, 'rank.eq');

    // Assess
    expect(ranks).toEqual([3, 1, 2]);
  });

  it('gives ties one rank and skips the next ones with RANK.EQ (1, 2, 2, 4)', () => {
    // Prepare
    const values = [10, 8, 8, 5];

    // Act
    const ranks = rankValues(values, 'rank.eq');

    // Assess
    expect(ranks).toEqual([1, 2, 2, 4]);
  });

  it('gives ties one rank and skips none with dense ranking (1, 2, 2, 3)', () => {
    // Prepare
    const values = [10, 8, 8, 5];

    // Act
    const ranks = rankValues(values, 'dense');

    // Assess
    expect(ranks).toEqual([1, 2, 2, 3]);
  });

  it('ranks every empty value last, sharing the rank after the non-empty ones, without pushing them down', () => {
    // Prepare
    const values = [null, 4, 7, null, 4];

    // Act
    const eq = rankValues(values, 'rank.eq');
    const dense = rankValues(values, 'dense');

    // Assess: RANK.EQ 1, 2, 2 then 4 for both empty ones; dense 1, 2, 2 then 3.
    expect(eq).toEqual([4, 2, 1, 4, 2]);
    expect(dense).toEqual([3, 2, 1, 3, 2]);
  });

  it('gives no rank when no value is non-empty', () => {
    // Act
    const ranks = rankValues([null, null], 'rank.eq');

    // Assess
    expect(ranks).toEqual([null, null]);
  });

  it('ranks a zero like any other number', () => {
    // Prepare
    const values = [0, 0, 1];

    // Act
    const ranks = rankValues(values, 'rank.eq');

    // Assess
    expect(ranks).toEqual([2, 2, 1]);
  });

  it('compares unrounded values: 1.00001 ranks above 1', () => {
    // Prepare
    const values = [1, 1.00001];

    // Act
    const ranks = rankValues(values, 'rank.eq');

    // Assess
    expect(ranks).toEqual([2, 1]);
  });

  it('treats NaN as an empty value', () => {
    // Prepare
    const values = [Number.NaN, 2];

    // Act
    const ranks = rankValues(values, 'dense');

    // Assess
    expect(ranks).toEqual([2, 1]);
  });

  it('answers an empty list with an empty list', () => {
    // Act
    const ranks = rankValues([], 'rank.eq');

    // Assess
    expect(ranks).toEqual([]);
  });
});
