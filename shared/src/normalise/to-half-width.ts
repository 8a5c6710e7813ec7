/**
 * Returns the text with full-width ASCII forms (U+FF01–U+FF5E: digits, letters, punctuation)
 * turned into their half-width forms, and the ideographic space (U+3000) and the
 * non-breaking spaces (U+00A0, U+202F, U+2007) turned into plain spaces.
 * Text without such characters is returned as it is (no allocation).
 */
export function toHalfWidth(text: string): string {
  let i = 0;
  const n = text.length;
  for (; i < n; i++) {
    if (isWidened(text.charCodeAt(i))) break;
  }
  if (i === n) return text;
  let out = text.slice(0, i);
  for (; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || code === 0x00a0 || code === 0x202f || code === 0x2007) out += ' ';
    else out += text[i];
  }
  return out;
}

function isWidened(code: number): boolean {
  return (code >= 0xff01 && code <= 0xff5e) || code === 0x3000 || code === 0x00a0 || code === 0x202f || code === 0x2007;
}
