/**
 * Checking, fixing and reading a sheet for submission, on the in-memory workbook behind the WorkbookHost port.
 */
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { createTemplateRegistry } from '#shared/spec/template-registry';
import { MemoryWorkbook } from '#addin/excel/memory-workbook';
import { planTemplateSheet } from '#addin/sheets/plan-template-sheet';
import { checkActiveSheet, fixActiveSheet, highlightsFor, readForSubmission } from '#addin/actions/sheet-checks';

const registry = createTemplateRegistry(builtinTemplates);
const spec = registry.current('invite-daily')!;
const header = { subBranch: '3301', outlet: '3301001', reportDate: '2026-12-01', submitter: '王主任' };

async function filledWorkbook(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await workbook.insertTemplateSheet(planTemplateSheet(spec, { header }));
  workbook.setValues('邀约明细', 'B5', [
    ['张三', '+86 138-0013-8000', '存量客户', '高端客户', '150万', '保险到期', 45, '电话', '李经理', 'Y', '是', '2026年12月8日'],
    ['李四', '13900139000', '流量客户', '中端客户', 30, '无', 17, '短信', '李经理', '否'],
  ]);
  return workbook;
}

describe('checkActiveSheet', () => {
  it('lists the findings and marks error and warning cells, apart from the user fill', async () => {
    // Prepare
    const workbook = await filledWorkbook();
    workbook.setFill('邀约明细', 'E6', '#00FF00');

    // Act
    const result = await checkActiveSheet(workbook, registry, '2026-12-01');

    // Assess
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.validation.findings.map((f) => [f.address, f.code])).toEqual([
      ['邀约明细!C5', 'type-error'],
      ['邀约明细!F5', 'type-error'],
      ['邀约明细!K5', 'type-error'],
      ['邀约明细!M5', 'type-error'],
      ['邀约明细!E6', 'enum-error'],
      ['邀约明细!H6', 'constraint-error'],
      ['邀约明细', 'org-rules-skipped'],
    ]);
    const sheet = workbook.sheet('邀约明细')!;
    expect(Object.fromEntries(sheet.highlights)).toEqual({ C5: 'warning', F5: 'warning', K5: 'warning', M5: 'warning', E6: 'error', H6: 'error' });
    expect(workbook.cell('邀约明细', 'E6')?.fill).toBe('#00FF00');
  });

  it('numbers the filled rows in 序号', async () => {
    const workbook = await filledWorkbook();
    workbook.sheet('邀约明细')!.sequence = null; // as in a workbook opened without the add-in's change handler
    workbook.setValues('邀约明细', 'A5', [[null], [null]]);
    expect(workbook.cell('邀约明细', 'A5')?.value).toBeNull();
    await checkActiveSheet(workbook, registry, '2026-12-01');
    expect([workbook.cell('邀约明细', 'A5')?.value, workbook.cell('邀约明细', 'A6')?.value]).toEqual([1, 2]);
  });

  it('says in Chinese when the active sheet is no template', async () => {
    const workbook = new MemoryWorkbook(['Sheet1']);
    workbook.setValues('Sheet1', 'A1', [['随便写的']]);
    const result = await checkActiveSheet(workbook, registry, '2026-12-01');
    expect(result).toMatchObject({ ok: false, code: 'no-template-sheet', message_zh: expect.stringContaining('没有模板工作表') });
  });
});

describe('fixActiveSheet', () => {
  it('applies every safe fix in one step and leaves only what needs a person', async () => {
    // Prepare
    const workbook = await filledWorkbook();

    // Act
    const result = await fixActiveSheet(workbook, registry, '2026-12-01');

    // Assess
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.applied.map((f) => f.address)).toEqual(['邀约明细!C5', '邀约明细!F5', '邀约明细!K5', '邀约明细!M5']);
    const cell = (a: string) => workbook.cell('邀约明细', a);
    expect([cell('C5')?.value, cell('C5')?.numberFormat, cell('F5')?.value, cell('K5')?.value, cell('M5')?.value, cell('M5')?.numberFormat]).toEqual([
      '13800138000', '@', 150, '是', 46364, 'yyyy-mm-dd',
    ]);
    expect(result.value.validation.findings.filter((f) => f.severity !== 'notice').map((f) => f.address)).toEqual(['邀约明细!E6', '邀约明细!H6']);
    expect(Object.fromEntries(workbook.sheet('邀约明细')!.highlights)).toEqual({ E6: 'error', H6: 'error' });
  });
});

describe('fixActiveSheet on a header date', () => {
  it('writes a fixed 填报日期 in F2 as a date serial with a date format, not as text with @ (column F below is money)', async () => {
    // Prepare: F2 typed as Chinese text.
    const workbook = await filledWorkbook();
    workbook.setValues('邀约明细', 'F2', [['2026年12月1日']]);

    // Act
    const result = await fixActiveSheet(workbook, registry, '2026-12-01');

    // Assess
    expect(result.ok && result.value.applied.map((f) => [f.address, f.fix])).toContainEqual(['邀约明细!F2', '2026-12-01']);
    const f2 = workbook.cell('邀约明细', 'F2');
    expect([f2?.value, f2?.numberFormat]).toEqual([46357, 'yyyy-mm-dd']);
    expect(result.ok && result.value.validation.findings.map((f) => f.address)).not.toContain('邀约明细!F2');
  });
});

describe('fixActiveSheet restoring a deleted formula', () => {
  it("writes the template's formula back into a typed-over total (D3 有效邀约) and a typed-over 投入产出比 (Q5)", async () => {
    // Prepare: D3 typed over with 3 on 邀约明细; Q5 typed over with 23.08 on 活动追踪.
    const invite = await filledWorkbook();
    invite.setValues('邀约明细', 'D3', [[3]]);
    const activitySpec = registry.current('activity-tracking')!;
    const activity = new MemoryWorkbook();
    await activity.insertTemplateSheet(planTemplateSheet(activitySpec, { header: { unit: 'W01', reportMonth: '2026-12', submitter: '王主任' } }));
    activity.setValues('活动追踪', 'Q5', [[23.08]]);
    expect(invite.cell('邀约明细', 'D3')?.formula).toBeNull();

    // Act
    const invited = await fixActiveSheet(invite, registry, '2026-12-01');
    const tracked = await fixActiveSheet(activity, registry, '2026-12-31');

    // Assess
    expect(invited.ok && invited.value.applied.map((f) => [f.address, f.fix])).toContainEqual(['邀约明细!D3', '=COUNTIF(K5:K504,"是")']);
    expect([invite.cell('邀约明细', 'D3')?.formula, invite.cell('邀约明细', 'D3')?.value]).toEqual(['=COUNTIF(K5:K504,"是")', null]);
    expect(invited.ok && invited.value.validation.findings.map((f) => f.code)).not.toContain('computed-cell-overwritten');
    expect(tracked.ok && tracked.value.applied.map((f) => [f.address, f.fix])).toEqual([['活动追踪!Q5', '=IF(N5>0,P5/N5,"")']]);
    const q5 = activity.cell('活动追踪', 'Q5');
    expect([q5?.formula, q5?.value, q5?.numberFormat === '@']).toEqual(['=IF(N5>0,P5/N5,"")', null, false]);
  });
});

describe('readForSubmission', () => {
  it('gives the workbook to send with its identity, and the check', async () => {
    const workbook = await filledWorkbook();
    await fixActiveSheet(workbook, registry, '2026-12-01');
    workbook.setValues('邀约明细', 'E6', [['普通客户']]);
    workbook.setValues('邀约明细', 'H6', [[30]]);

    const result = await readForSubmission(workbook, registry, '2026-12-01');

    expect(result.ok && result.value.validation.hasErrors).toBe(false);
    expect(result.ok && result.value.workbook.identities).toEqual([{ sheetName: '邀约明细', id: 'invite-daily', version: 1 }]);
    expect(result.ok && result.value.validation.rows).toHaveLength(2);
    expect(workbook.sheet('邀约明细')!.highlights.size).toBe(0);
  });
});

describe('highlightsFor', () => {
  it('keeps the error when a cell has an error and a warning, and skips other sheets and sheet-level findings', () => {
    const base = { value: null, message_zh: '', message_en: '', fix: null };
    expect(
      highlightsFor('邀约明细', [
        { ...base, code: 'type-error', severity: 'warning', address: '邀约明细!F5', row: 5, column: 'F' },
        { ...base, code: 'constraint-error', severity: 'error', address: '邀约明细!F5', row: 5, column: 'F' },
        { ...base, code: 'type-error', severity: 'error', address: '其他!F5', row: 5, column: 'F' },
        { ...base, code: 'missing-label', severity: 'error', address: '邀约明细' },
      ]),
    ).toEqual([{ cell: 'F5', severity: 'error' }]);
  });
});
