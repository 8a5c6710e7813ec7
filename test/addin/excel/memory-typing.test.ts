import { builtinTemplates } from '#shared/spec/builtin-templates';
import { MemoryWorkbook } from '#addin/excel/memory-workbook';
import { excelSerialFromDate } from '#shared/normalise/excel-serial-from-date';
import { planTemplateSheet } from '#addin/sheets/plan-template-sheet';

const spec = builtinTemplates.find((s) => s.id === 'invite-daily')!;

async function templateWorkbook(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await workbook.insertTemplateSheet(planTemplateSheet(spec, { header: { subBranch: '3301', outlet: '3301001', reportDate: '2026-12-01', submitter: '王建国' } }));
  return workbook;
}

describe('MemoryWorkbook.typeInCell', () => {
  it('reads typed text as Excel does: numbers, days as date serials, other text as text, empty clears', async () => {
    // Prepare
    const workbook = await templateWorkbook();
    const value = (a: string) => workbook.cell('邀约明细', a)?.value;
    // Act
    workbook.typeInCell('邀约明细', 'B5', '张三');
    workbook.typeInCell('邀约明细', 'H5', '45');
    workbook.typeInCell('邀约明细', 'M5', '2026/12/8');
    workbook.typeInCell('邀约明细', 'F5', '150万');
    workbook.typeInCell('邀约明细', 'N5', '2026年12月8日');
    workbook.typeInCell('邀约明细', 'G5', '无');
    workbook.typeInCell('邀约明细', 'G5', '');
    // Assess
    expect([value('B5'), value('H5'), value('M5'), value('F5'), value('N5'), value('G5')]).toEqual(['张三', 45, excelSerialFromDate('2026-12-08'), '150万', '2026年12月8日', null]);
    expect(value('A5')).toBe(1); // 序号 numbered as the row is filled
  });

  it('keeps digits as text in a text column (phone numbers), and a formula typed with = as a formula elsewhere', async () => {
    // Prepare
    const workbook = await templateWorkbook();
    // Act
    workbook.typeInCell('邀约明细', 'C5', '13800138000');
    workbook.typeInCell('Sheet1', 'A1', '=1+1');
    workbook.typeInCell('Sheet1', 'A2', '2026-02-30');
    // Assess
    expect(workbook.cell('邀约明细', 'C5')?.value).toBe('13800138000');
    expect(workbook.cell('Sheet1', 'A1')).toMatchObject({ value: null, formula: '=1+1' });
    expect(workbook.cell('Sheet1', 'A2')?.value).toBe('2026-02-30');
  });
});
