import { createFinding } from '#shared/findings/create-finding';
import { maskFindingPhones } from '#shared/security/mask-finding-phones';
import { maskPhonesInText } from '#shared/security/mask-phones-in-text';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import type { TemplateSpec } from '#shared/spec/schema';

const invite = builtinTemplates.find((s) => s.id === 'invite-daily') as TemplateSpec;
const CLEAR = /13800138000|138-0013-8000|138 0013 8000/;

describe('maskFindingPhones', () => {
  it('masks the value, the fix and both messages of a phone finding (+86 138-0013-8000 with its safe fix)', () => {
    // Prepare
    const finding = createFinding('type-error', { sheetName: '邀约明细', row: 12, column: 'C' }, { value: '+86 138-0013-8000', fix: '13800138000' });
    // Act
    const masked = maskFindingPhones(finding, invite);
    // Assess
    expect([masked.value, masked.fix, masked.address, masked.code]).toEqual(['138****8000', '138****8000', '邀约明细!C12', 'type-error']);
    expect(JSON.stringify(masked)).not.toMatch(CLEAR);
    expect(finding.value).toBe('+86 138-0013-8000');
  });

  it('masks a number that is a phone, and an unreadable value of a phone cell, keeping only its ends', () => {
    // Act
    const numeric = maskFindingPhones(createFinding('type-error', { sheetName: '邀约明细', row: 5, column: 'C' }, { value: 13800138000 }), invite);
    const tenDigits = maskFindingPhones(createFinding('type-error', { sheetName: '邀约明细', row: 6, column: 'C' }, { value: '1380013800' }), invite);
    // Assess
    expect([numeric.value, tenDigits.value]).toEqual(['138****8000', '138***3800']);
    expect(tenDigits.message_zh + tenDigits.message_en).not.toContain('1380013800');
  });

  it('masks a mobile number written in another cell (a note, a name) without a spec, and leaves other findings as they are', () => {
    // Prepare
    const inName = createFinding('type-error', { sheetName: '邀约明细', row: 7, column: 'B' }, { value: '王先生 13800138000' });
    const amount = createFinding('type-error', { sheetName: '邀约明细', row: 8, column: 'F' }, { value: '二十万' });
    // Act
    const [maskedName, maskedAmount] = [maskFindingPhones(inName), maskFindingPhones(amount, invite)];
    // Assess
    expect(maskedName.value).toBe('王先生 138****8000');
    expect(JSON.stringify(maskedName)).not.toMatch(CLEAR);
    expect(maskedAmount).toEqual(amount);
  });
});

describe('maskPhonesInText', () => {
  it('masks mobile numbers however they are written and keeps the rest of the text', () => {
    // Act
    const text = maskPhonesInText('call +86 138-0013-8000 or 13912345678, ref 2026-12-03, 300000 yuan');
    // Assess
    expect(text).toBe('call 138****8000 or 139****5678, ref 2026-12-03, 300000 yuan');
  });
});
