import fc from 'fast-check';
import { isBlankCell } from '#shared/normalise/is-blank-cell';
import { isSpaceCharacter } from '#shared/normalise/is-space-character';
import { trimSpaces } from '#shared/normalise/trim-spaces';
import { validateSheet } from '#shared/validation/validate-sheet';
import { inviteDaily as spec, inviteHeader, inviteRow, organisation } from '../validation/fixtures';
import { buildGrid } from '../validation/grid-builder';

/** Every character Unicode (White_Space, what `\s` matches) or a spreadsheet user treats as space, and a few that are not. */
const SPACE_LIKE = [
  ...Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter((c) => /\s/.test(c)),
  '\u200b', '\ufeff', '\u2060', '\u180e',
];
const spaceText = fc.array(fc.constantFrom(...SPACE_LIKE, 'a', '0', '张'), { maxLength: 6 }).map((parts) => parts.join(''));

describe('isBlankCell', () => {
  it('is true exactly when trimSpaces leaves no text, for text of any Unicode space characters', () => {
    fc.assert(
      fc.property(spaceText, (text) => {
        expect(isBlankCell(text)).toBe(trimSpaces(String(text)) === '');
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with trimSpaces on every single character of the Basic Multilingual Plane', () => {
    const disagreeing: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const text = String.fromCharCode(code);
      if (isBlankCell(text) !== (trimSpaces(text) === '')) disagreeing.push(code.toString(16));
    }
    expect(disagreeing).toEqual([]);
  });

  it('counts the narrow and the figure no-break space (U+202F, U+2007) as space', () => {
    expect([isBlankCell('\u202f'), isBlankCell('\u2007 '), isSpaceCharacter(0x202f), isSpaceCharacter(0x2007)]).toEqual([true, true, true, true]);
  });

  it('is false for numbers and booleans, zero and false included, and true for nothing', () => {
    expect([isBlankCell(0), isBlankCell(false), isBlankCell(null), isBlankCell(undefined), isBlankCell('')]).toEqual([false, false, true, true, true]);
  });

  describe('in a checked sheet', () => {
    it('reports a required cell holding only U+202F as a missing required value, not as a type error', () => {
      // Prepare
      const grid = buildGrid(spec, { header: inviteHeader, rows: [{ ...inviteRow, F: '\u202f', K: '\u2007' }] });
      // Act
      const findings = validateSheet(grid, spec, { asOf: '2026-12-03', organisation }).findings;
      // Assess
      expect(findings.map((f) => [f.address, f.code])).toEqual([
        ['邀约明细!F5', 'required-error'],
        ['邀约明细!K5', 'required-error'],
      ]);
    });

    it('does not count a row of only U+202F and U+2007 as filled', () => {
      const blankRow = Object.fromEntries(Object.keys(inviteRow).filter((col) => col !== 'A').map((col) => [col, '\u202f\u2007']));
      const result = validateSheet(buildGrid(spec, { header: inviteHeader, rows: [inviteRow, blankRow] }), spec, { asOf: '2026-12-03', organisation });
      expect([result.rows.length, result.findings]).toEqual([1, []]);
    });
  });
});
