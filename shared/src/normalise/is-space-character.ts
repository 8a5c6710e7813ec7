/**
 * True for the UTF-16 code unit of a character that counts as space around or instead of a value:
 * ASCII space, tab and line breaks, the ideographic space (U+3000), the non-breaking spaces
 * (U+00A0, U+202F narrow, U+2007 figure) and the zero-width ones (U+200B, U+FEFF).
 * The one definition behind `trimSpaces` and `isBlankCell`, so that a cell is blank exactly when
 * its trimmed text is empty.
 */
export function isSpaceCharacter(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x3000 ||
    code === 0x00a0 ||
    code === 0x202f ||
    code === 0x2007 ||
    code === 0x200b ||
    code === 0xfeff
  );
}
