import { createFinding } from '#shared/findings/create-finding';
import { fillFindingText } from '#shared/findings/render-message';

describe('fillFindingText', () => {
  it('lets a slot of the finding override its value, never its address, and keeps unknown slots as written', () => {
    // Prepare
    const text = '{address}|{value}|{fix}|{label}|{unknown}';
    // Act
    const zh = fillFindingText(text, 'zh', 'S!A1', 'raw', null, { value: '2026-12-25', address: 'elsewhere', label: { zh: '日期', en: 'date' } });
    const en = fillFindingText(text, 'en', 'S!A1', 'raw', 300000, {});
    // Assess
    expect([zh, en]).toEqual(['S!A1|2026-12-25|（空）|日期|{unknown}', 'S!A1|raw|300000|{label}|{unknown}']);
  });
});

describe('createFinding: the shape of a finding', () => {
  it('lists the same keys in the same order for every finding at a cell, the note last when there is one', () => {
    const plain = createFinding('required-error', { sheetName: 'S', row: 3, column: 'B' }, { slots: { label: '客户姓名' } });
    const noted = createFinding('constraint-error', { sheetName: 'S', row: 4, column: 'H' }, { value: 12, variant: 'min', slots: { label: '年龄', min: 18 } });
    const cellKeys = ['code', 'severity', 'address', 'value', 'message_zh', 'message_en', 'fix', 'row', 'column'];
    expect([Object.keys(plain), Object.keys(noted)]).toEqual([cellKeys, [...cellKeys, 'note']]);
  });

  it('keeps the row of a place without a column, and addresses it by the sheet name', () => {
    const finding = createFinding('blank-row', { sheetName: 'S', row: 7 }, { slots: { count: 1, rows: '7' } });
    expect([finding.address, finding.row, 'column' in finding, 'note' in finding]).toEqual(['S', 7, false, false]);
  });

  it('leaves row, column and note out of a finding about the whole sheet', () => {
    const finding = createFinding('template-identity-missing', { sheetName: '邀约明细' }, { slots: { template: 'invite-daily v1' } });
    expect(Object.keys(finding)).toEqual(['code', 'severity', 'address', 'value', 'message_zh', 'message_en', 'fix']);
  });
});
