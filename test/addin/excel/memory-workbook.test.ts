import { builtinTemplates } from '#shared/spec/builtin-templates';
import { MemoryWorkbook } from '#addin/excel/memory-workbook';
import { planTemplateSheet } from '#addin/sheets/plan-template-sheet';
import { freeSheetName, identityRow } from '#addin/sheets/sheet-names';

const inviteDaily = builtinTemplates.find((s) => s.id === 'invite-daily')!;

describe('MemoryWorkbook', () => {
  it('names a second copy of a template 邀约明细 (2) and records both identities', async () => {
    const workbook = new MemoryWorkbook();
    await workbook.insertTemplateSheet(planTemplateSheet(inviteDaily));
    const second = await workbook.insertTemplateSheet(planTemplateSheet(inviteDaily));
    expect(second).toEqual({ ok: true, value: { sheetName: '邀约明细 (2)' } });
    const read = await workbook.readActiveSheet();
    expect(read.ok && read.value.workbook.identities.map((i) => i.sheetName)).toEqual(['邀约明细', '邀约明细 (2)']);
    expect(read.ok && read.value.sheetName).toBe('邀约明细 (2)');
  });

  it('takes a typed text starting with = as a formula, as Excel does, unless the cell is text', async () => {
    const workbook = new MemoryWorkbook();
    await workbook.insertTemplateSheet(planTemplateSheet(inviteDaily));
    workbook.setValues('邀约明细', 'B5', [['=1+1']]); // 客户姓名: a text column, formatted '@'
    workbook.setValues('邀约明细', 'H5', [['=1+1']]); // 年龄: a number column
    expect([workbook.cell('邀约明细', 'B5')?.value, workbook.cell('邀约明细', 'B5')?.formula]).toEqual(['=1+1', null]);
    expect([workbook.cell('邀约明细', 'H5')?.value, workbook.cell('邀约明细', 'H5')?.formula]).toEqual([null, '=1+1']);
  });
});

describe('freeSheetName and identityRow', () => {
  it('numbers a taken name, ignoring case, within 31 characters', () => {
    expect(freeSheetName('邀约明细', ['Sheet1'])).toBe('邀约明细');
    expect(freeSheetName('Summary', ['summary', 'Summary (2)'])).toBe('Summary (3)');
    expect(freeSheetName('x'.repeat(31), ['x'.repeat(31)])).toBe(`${'x'.repeat(27)} (2)`);
  });

  it('reuses the row naming the sheet, else the next one after the last filled row', () => {
    expect(identityRow([['活动追踪', 'activity-tracking', 1], ['邀约明细', 'invite-daily', 1]], '邀约明细')).toBe(2);
    expect(identityRow([['活动追踪', 'activity-tracking', 1], [null, null, null]], '邀约明细')).toBe(2);
    expect(identityRow([], '邀约明细')).toBe(1);
  });
});
