/** Test helper: the full-width form of ASCII text (the inverse of toHalfWidth for U+0021–U+007E and space). */
export function toFullWidth(text: string): string {
  return Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x20) return '\u3000';
    return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : ch;
  }).join('');
}
