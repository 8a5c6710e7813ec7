import { capFindingCodes } from '#shared/findings/codes';
/**
 * The sheet caps (spec `limits`) and the report day rules, as the pane, the CLI and the server all
 * see them through validateSheet (issue 9): odd numbers and long texts are findings at their cell,
 * a sheet over the row cap gets one too-many-rows finding and is checked no further.
 */
import type { CellValue } from '#shared/grid/types';
import { DEFAULT_SHEET_LIMITS, templateSpecSchema, type TemplateSpec } from '#shared/spec/schema';
import { validateSheet } from '#shared/validation/validate-sheet';
import { activityHeader, activityRow, activityTracking, inviteDaily as spec, inviteHeader, inviteRow, organisation } from './fixtures';
import { buildGrid } from './grid-builder';

const options = { asOf: '2026-12-03', organisation };

function check(rows: Record<string, CellValue>[], header = inviteHeader, asOf = '2026-12-03', withOrg = true) {
  const grid = buildGrid(spec, { header, rows: rows.map((r) => ({ ...inviteRow, ...r })) });
  return validateSheet(grid, spec, withOrg ? { asOf, organisation } : { asOf });
}

describe('validateSheet: caps and report days', () => {
  it('gives every built-in template the default caps', () => {
    expect(spec.limits).toEqual(DEFAULT_SHEET_LIMITS);
  });

  it.each<[string, CellValue, string, string]>([
    ['money above 1e12 yuan', 1e16, 'max', '1000000000000'],
    ['money far above 2^53', 1e21, 'max', '1000000000000'],
    ['money of 2^53 + 1', Number('9007199254740993'), 'max', '1000000000000'],
    ['a negative amount (the column’s own minimum 0 stands before the cap)', -5, 'min', '0'],
    ['a non-zero amount closer to zero than 1e-6', 1e-200, 'min-non-zero', '0.000001'],
  ])('reports %s at its cell, naming the bound', (_name, value, note, bound) => {
    const result = check([{ O: value }]);
    expect(result.findings.map((f) => [f.address, f.code, f.note])).toEqual([['邀约明细!O5', 'constraint-error', note]]);
    expect(result.findings[0].message_zh).toContain(bound);
    expect(result.rows[0].values.O).toBeNull();
  });

  it('keeps zero and ordinary amounts', () => {
    expect(check([{ O: 0, P: 1e12, R: null }]).findings).toEqual([]);
  });

  it('caps whole numbers at 1,000,000 (a 序号 of 1e16)', () => {
    expect(check([{ A: 1e16 }]).findings.map((f) => [f.address, f.note])).toEqual([['邀约明细!A5', 'max']]);
  });

  it('caps text at 2,000 characters in a column without a maxLength, drop-downs included, with a short cap finding (the sheet is refused)', () => {
    const result = check([{ T: '备'.repeat(2_001), D: '存'.repeat(50_000) }, { T: '备'.repeat(2_000) }]);
    expect(result.findings.map((f) => [f.address, f.code])).toEqual([
      ['邀约明细!D5', 'text-too-long'],
      ['邀约明细!T5', 'text-too-long'],
    ]);
    expect(capFindingCodes.has('text-too-long')).toBe(true);
    expect(result.findings[0].message_en).toContain('50000 characters, above the cap of 2000 characters per cell');
    expect(result.findings[0].message_zh).toContain('有 50000 个字符，超过每格上限 2000 个字符，整表未接收');
    expect(String(result.findings[0].value)).toHaveLength(201);
    expect(result.findings[0].message_zh.length).toBeLessThan(400);
  });

  it('counts characters, not UTF-16 units, against the text cap', () => {
    expect(check([{ T: '𠀀'.repeat(2_000) }]).findings).toEqual([]);
  });

  it('reports a row whose values would not fit a stored row, at the row', () => {
    const wide: TemplateSpec = { ...spec, limits: { ...spec.limits, maxTextLength: 100_000, maxRowBytes: 50_000 } };
    const grid = buildGrid(wide, { header: inviteHeader, rows: [{ ...inviteRow, N: '产'.repeat(10_000), T: '备'.repeat(10_000) }] });
    const result = validateSheet(grid, wide, options);
    expect(result.findings.map((f) => [f.address, f.code])).toEqual([['邀约明细!A5', 'row-too-large']]);
    expect(result.findings[0].message_zh).toContain('超过每行上限 50000 字节');
  });

  it('reports a sheet over the row cap once, and checks only the rows up to the cap', () => {
    const small: TemplateSpec = { ...spec, limits: { ...spec.limits, maxRows: 3 } };
    const grid = buildGrid(small, { header: inviteHeader, rows: [inviteRow, inviteRow, inviteRow, { ...inviteRow, E: '中端客户' }, inviteRow] });
    const result = validateSheet(grid, small, options);
    expect(result.findings.map((f) => [f.address, f.code])).toEqual([['邀约明细', 'too-many-rows']]);
    expect(result.findings[0].message_zh).toContain('已填写 5 行数据，超过每表上限 3 行');
    expect([result.hasErrors, result.rows.length]).toEqual([true, 3]);
  });

  it('refuses specs whose caps would let a sheet’s sums leave 2^53', () => {
    const input = JSON.parse(JSON.stringify(spec));
    expect(templateSpecSchema().safeParse({ ...input, limits: { maxRows: 100_000, maxMoney: 1e12 } }).success).toBe(false);
    expect(templateSpecSchema().safeParse({ ...input, limits: { maxRows: 5_000, maxMoney: 1e11 } }).success).toBe(true);
  });

  describe('report day', () => {
    it('is an error on its cell when after the day of checking (9999-12-31)', () => {
      const result = check([{}], { ...inviteHeader, reportDate: '9999-12-31' });
      expect(result.findings.map((f) => [f.address, f.code, f.value])).toEqual([['邀约明细!F2', 'report-date-error', '9999-12-31']]);
      expect(result.findings[0].message_en).toContain('after the day of checking 2026-12-03');
    });

    it('is fine on the day of checking itself', () => {
      expect(check([{}], { ...inviteHeader, reportDate: '2026-12-03' }).findings).toEqual([]);
    });

    it('is an error outside the campaign, its first day to its last sale day', () => {
      const before = check([{}], { ...inviteHeader, reportDate: '2026-11-30' });
      const lastSaleDay = check([{ Q: '是' }], { ...inviteHeader, reportDate: '2026-12-10' }, '2026-12-12');
      const after = check([{ Q: '是' }], { ...inviteHeader, reportDate: '2026-12-11' }, '2026-12-12');
      expect(before.findings.map((f) => [f.address, f.note])).toEqual([['邀约明细!F2', 'outside-campaign']]);
      expect(before.findings[0].message_zh).toContain('2026-12-01 至 2026-12-10');
      expect(lastSaleDay.findings).toEqual([]);
      expect(after.findings.map((f) => [f.address, f.note])).toEqual([['邀约明细!F2', 'outside-campaign']]);
    });

    it('names the campaign check among the skipped rules without an organisation', () => {
      const result = check([{}], { ...inviteHeader, reportDate: '2026-11-30' }, '2026-12-03', false);
      expect(result.findings.map((f) => f.code)).toEqual(['org-rules-skipped']);
      expect(result.findings[0].message_zh).toContain('填报日期须在活动期内');
    });

    it('is an error for a monthly sheet whose month begins after the day of checking, not for the current month', () => {
      const grid = (month: string) => buildGrid(activityTracking, { header: { ...activityHeader, reportMonth: month }, rows: [activityRow] });
      const next = validateSheet(grid('2027-01'), activityTracking, { asOf: '2026-12-31', organisation });
      const current = validateSheet(grid('2026-12'), activityTracking, { asOf: '2026-12-01', organisation });
      expect(next.findings.map((f) => [f.code, f.note])).toContainEqual(['report-date-error', 'month']);
      expect(current.findings.map((f) => f.code)).not.toContain('report-date-error');
    });
  });
});
