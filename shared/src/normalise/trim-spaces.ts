/**
 * Returns the text without leading and trailing white space, counting the ideographic
 * space (U+3000), non-breaking spaces and zero-width spaces (U+200B, U+FEFF) as space.
 * Text without such edges is returned as it is (no allocation).
 */
export function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** True for the white space people leave around values in spreadsheets. */
function isSpace(code: number): boolean {
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
