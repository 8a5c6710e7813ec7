import { findingCodes, type FindingCode } from '#shared/findings/codes';
import { createFinding } from '#shared/findings/create-finding';

const codes = Object.keys(findingCodes) as FindingCode[];

describe('findingCodes', () => {
  it('holds every code the findings catalogue promises (codes are never renamed)', () => {
    expect(codes).toEqual(
      expect.arrayContaining([
        'missing-label',
        'incorrect-label',
        'extra-label',
        'blank-row',
        'type-error',
        'constraint-error',
        'required-error',
        'enum-error',
        'cross-field-error',
        'computed-cell-overwritten',
        'template-identity-missing',
        'template-version-outdated',
        'org-rules-skipped',
        'duplicate-customer',
        'late-submission',
      ]),
    );
  });

  it('names codes in kebab-case', () => {
    expect(codes.filter((code) => !/^[a-z]+(-[a-z]+)*$/.test(code))).toEqual([]);
  });

  it('gives every message variant a Chinese and an English template that name the place', () => {
    const incomplete = codes.flatMap((code) =>
      Object.entries(findingCodes[code].messages)
        .filter(([, t]) => !t.zh.includes('{address}') || !t.en.includes('{address}') || !/[\u4e00-\u9fff]/.test(t.zh))
        .map(([variant]) => `${code}/${variant}`),
    );
    expect(incomplete).toEqual([]);
  });

  it('uses the same slots in both languages of each variant', () => {
    const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const mismatched = codes.flatMap((code) =>
      Object.entries(findingCodes[code].messages)
        .filter(([, t]) => slots(t.zh).join() !== slots(t.en).join())
        .map(([variant]) => `${code}/${variant}`),
    );
    expect(mismatched).toEqual([]);
  });
});

describe('createFinding', () => {
  it('names the cell as sheet!A1 and renders both messages from the catalogue', () => {
    // Prepare / Act
    const finding = createFinding('enum-error', { sheetName: '邀约明细', row: 12, column: 'E' }, {
      value: '中端客户',
      slots: { label: '客户类别', allowed: '普通客户 / 高端客户' },
    });
    // Assess
    expect(finding).toEqual({
      code: 'enum-error',
      severity: 'error',
      address: '邀约明细!E12',
      row: 12,
      column: 'E',
      value: '中端客户',
      message_zh: '邀约明细!E12（客户类别）的值“中端客户”不在可选范围内：普通客户 / 高端客户',
      message_en: '邀约明细!E12 (客户类别): "中端客户" is not one of: 普通客户 / 高端客户',
      fix: null,
    });
  });

  it('makes a finding with a safe fix a warning that carries the fix', () => {
    const finding = createFinding('type-error', { sheetName: '邀约明细', row: 5, column: 'O' }, {
      value: '30万',
      fix: 300000,
      variant: 'fixable',
      slots: { label: '预估趸交保费(元)' },
    });
    expect([finding.severity, finding.fix, finding.note, finding.message_zh]).toEqual([
      'warning',
      300000,
      'fixable',
      '邀约明细!O5（预估趸交保费(元)）的值“30万”写法不规范，可修正为“300000”',
    ]);
  });

  it('fills a bilingual slot in each language', () => {
    const finding = createFinding('type-error', { sheetName: 'S', row: 1, column: 'A' }, {
      value: 'x',
      slots: { label: 'L', type: { zh: '日期', en: 'date' } },
    });
    expect([finding.message_zh, finding.message_en]).toEqual(['S!A1（L）的值“x”不是有效的日期', 'S!A1 (L): "x" is not a valid date']);
  });

  it('puts a finding about the whole sheet at the sheet name', () => {
    const finding = createFinding('template-identity-missing', { sheetName: '邀约明细' }, { slots: { template: 'invite-daily v1' } });
    expect([finding.address, finding.row, finding.column, finding.severity]).toEqual(['邀约明细', undefined, undefined, 'error']);
  });
});
