/**
 * How wide a text or a formatted number shows in a cell, in Excel's column unit (the width of a digit).
 * East Asian wide characters take about two digits; fonts that stand in for Calibri (LibreOffice without
 * Carlito) run wider, so numbers get a margin.
 */

/** Wide: CJK, full-width forms, Hangul; the ranges of East Asian Width W/F that matter for names. */
function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    codePoint >= 0x20000
  );
}

/** Width of a text: wide characters 2.2 (a CJK glyph beside a Latin font's digit), others 1.1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0) ?? 0) ? 2.2 : 1.1;
  return width;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The text a number shows in one of the summary formats (enough to size its column). */
export function formatForWidth(value: number, format: string): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  switch (format) {
    case '#,##0.00': {
      const [whole, decimals] = abs.toFixed(2).split('.');
      return `${sign}${groupThousands(whole)}.${decimals}`;
    }
    case '0':
      return `${sign}${abs.toFixed(0)}`;
    case '0.00':
      return `${sign}${abs.toFixed(2)}`;
    case '0.0%':
      return `${sign}${(abs * 100).toFixed(1)}%`;
    case 'yyyy-mm-dd':
      return '2026-12-01';
    default:
      return String(value);
  }
}

export function formattedWidth(value: number, format: string): number {
  return formatForWidth(value, format).length * 1.15;
}
