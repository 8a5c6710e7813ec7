import type { Finding } from '#shared/findings/types';
import { displayWidth, formatFindingLines, wrapText } from '#cli/format';

const finding: Finding = {
  code: 'enum-error',
  severity: 'error',
  address: '邀约明细!E12',
  row: 12,
  column: 'E',
  value: '中端客户',
  message_zh: '邀约明细!E12（客户类别）的值“中端客户”不在可选范围内：普通客户 / 高端客户',
  message_en: '邀约明细!E12 (客户类别): "中端客户" is not one of: 普通客户 / 高端客户',
  fix: null,
};

describe('formatFindingLines', () => {
  it('keeps a finding that fits on one compiler-style line', () => {
    expect(formatFindingLines('a.xlsx', finding, 200)).toEqual([`a.xlsx 邀约明细!E12 error enum-error ${finding.message_zh} (${finding.message_en})`]);
  });

  it('wraps a long one: the Chinese message after the head, the English one indented below, no line wider than asked', () => {
    const lines = formatFindingLines('城东支行营业部-2026-12-01.xlsx', finding, 80);
    expect(lines[0].startsWith('城东支行营业部-2026-12-01.xlsx 邀约明细!E12 error enum-error')).toBe(true);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(lines.slice(1).every((line) => line.startsWith('    '))).toBe(true);
    expect(lines.join('').replace(/\s+/g, '')).toBe(`城东支行营业部-2026-12-01.xlsx邀约明细!E12errorenum-error${finding.message_zh}(${finding.message_en})`.replace(/\s+/g, ''));
  });
});

describe('wrapText', () => {
  it('breaks English at spaces, not inside words', () => {
    expect(wrapText('is not one of the campaign sale days', 16, '')).toEqual(['is not one of', '    the campaign', '    sale days']);
  });

  it('breaks Chinese between characters, counting each as two columns', () => {
    expect(wrapText('不在可选范围内普通客户', 10, '')).toEqual(['不在可选范', '    围内普', '    通客户']);
  });
});
