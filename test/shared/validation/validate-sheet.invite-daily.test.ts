import type { CellValue } from '#shared/grid/types';
import { validateSheet } from '#shared/validation/validate-sheet';
import type { ValidateSheetOptions } from '#shared/validation/types';
import { inviteDaily as spec, inviteHeader, inviteRow, organisation } from './fixtures';
import { buildGrid } from './grid-builder';

const checkedBeforeSale: ValidateSheetOptions = { asOf: '2026-12-03', organisation };
const checkedOnSaleDay: ValidateSheetOptions = { asOf: '2026-12-08', organisation };

/** Validates the invite-daily template with rows changed from the valid row; returns [address, code] pairs. */
function findingsOf(rows: Record<string, CellValue>[], options: ValidateSheetOptions = checkedBeforeSale, header = inviteHeader): [string, string][] {
  const grid = buildGrid(spec, { header, rows: rows.map((r) => ({ ...inviteRow, ...r })) });
  return validateSheet(grid, spec, options).findings.map((f) => [f.address, f.code]);
}

describe('validateSheet: 邀约明细 (invite-daily v1)', () => {
  it('refuses a day of checking not written YYYY-MM-DD, a programming fault', () => {
    const grid = buildGrid(spec, { header: inviteHeader, rows: [inviteRow] });
    expect(() => validateSheet(grid, spec, { asOf: '2026/12/03' })).toThrow(RangeError);
  });

  it('reports the spec’s own identity unless told the workbook carries none', () => {
    const grid = buildGrid(spec, { header: inviteHeader, rows: [inviteRow] });
    expect([validateSheet(grid, spec, checkedBeforeSale).template, validateSheet(grid, spec, { ...checkedBeforeSale, identity: null }).template]).toEqual([
      { id: 'invite-daily', version: 1 },
      null,
    ]);
  });

  it('finds nothing in a well-filled sheet', () => {
    expect(findingsOf([{}, { A: 2, B: '李四' }])).toEqual([]);
  });

  describe('header block', () => {
    it('requires all four header values', () => {
      const header = { subBranch: null, outlet: '', reportDate: null, submitter: '  ' };
      expect(findingsOf([{}], checkedBeforeSale, header)).toEqual([
        ['邀约明细!B2', 'required-error'],
        ['邀约明细!D2', 'required-error'],
        ['邀约明细!F2', 'required-error'],
        ['邀约明细!H2', 'required-error'],
      ]);
    });

    it('accepts the outlet by its code', () => {
      expect(findingsOf([{}], checkedBeforeSale, { ...inviteHeader, outlet: '3301001' })).toEqual([]);
    });

    it('reports a 网点 that is not an outlet of the organisation', () => {
      expect(findingsOf([{}], checkedBeforeSale, { ...inviteHeader, outlet: '西湖网点' })).toEqual([['邀约明细!D2', 'unknown-org-unit']]);
    });

    it('reports a 支行 that is not the organisation', () => {
      expect(findingsOf([{}], checkedBeforeSale, { ...inviteHeader, subBranch: '城西支行' })).toEqual([['邀约明细!B2', 'unknown-org-unit']]);
    });

    it('reports a 填报日期 that is not a date', () => {
      expect(findingsOf([{}], checkedBeforeSale, { ...inviteHeader, reportDate: '下周三' })).toEqual([['邀约明细!F2', 'type-error']]);
    });

    it('skips the organisation rules with one notice when no organisation is given', () => {
      expect(findingsOf([{}], { asOf: '2026-12-03' })).toEqual([['邀约明细', 'org-rules-skipped']]);
    });

    it('skips sale-day rules without an organisation: Q filled before the sale raises no error', () => {
      const grid = buildGrid(spec, { header: inviteHeader, rows: [{ ...inviteRow, Q: '是', M: '2026-12-25' }] });
      const result = validateSheet(grid, spec, { asOf: '2026-12-03' });
      expect(result.findings.map((f) => [f.address, f.code, f.severity])).toEqual([['邀约明细', 'org-rules-skipped', 'notice']]);
      expect(result.findings[0].message_zh).toContain('预约到场日期须为特卖日');
    });

    it('skips sale-day rules with a notice when the organisation lists no sale days', () => {
      const withoutCampaign = { ...organisation, campaign: undefined };
      const grid = buildGrid(spec, { header: inviteHeader, rows: [{ ...inviteRow, M: '2026-12-25' }] });
      const result = validateSheet(grid, spec, { asOf: '2026-12-03', organisation: withoutCampaign });
      expect(result.findings.map((f) => [f.address, f.code, f.note])).toEqual([['邀约明细', 'org-rules-skipped', 'no-sale-days']]);
    });

    it('resolves the outlet code from the organisation', () => {
      const grid = buildGrid(spec, { header: inviteHeader, rows: [inviteRow] });
      expect(validateSheet(grid, spec, checkedBeforeSale).unitCode).toBe('3301001');
    });
  });

  describe('columns', () => {
    it('A 序号: takes an optional whole number; gaps and repeats are fine', () => {
      expect(findingsOf([{ A: 7 }, { A: 7 }, { A: null }, { A: 2.5 }])).toEqual([['邀约明细!A8', 'type-error']]);
    });

    it('B 客户姓名: is required', () => {
      expect(findingsOf([{ B: null }])).toEqual([['邀约明细!B5', 'required-error']]);
    });

    it('B 客户姓名: takes at most 20 characters', () => {
      expect(findingsOf([{ B: '张'.repeat(20) }, { B: '张'.repeat(21) }])).toEqual([['邀约明细!B6', 'constraint-error']]);
    });

    it('C 联系电话: must be a mainland mobile number', () => {
      expect(findingsOf([{ C: '010-88886666' }, { C: '2380013800' }])).toEqual([
        ['邀约明细!C5', 'type-error'],
        ['邀约明细!C6', 'type-error'],
      ]);
    });

    it('C 联系电话: is required when I is 电话 or 短信, at C', () => {
      expect(findingsOf([{ C: null, I: '电话' }, { C: null, I: '短信' }])).toEqual([
        ['邀约明细!C5', 'cross-field-error'],
        ['邀约明细!C6', 'cross-field-error'],
      ]);
    });

    it('C 联系电话: is optional when I is 面谈', () => {
      expect(findingsOf([{ C: null, I: '面谈' }])).toEqual([]);
    });

    it('D 客户来源: is required and one of its list', () => {
      expect(findingsOf([{ D: null }, { D: '网上客户' }])).toEqual([
        ['邀约明细!D5', 'required-error'],
        ['邀约明细!D6', 'enum-error'],
      ]);
    });

    it('E 客户类别: is required and one of its list', () => {
      expect(findingsOf([{ E: null, L: null, F: 25 }, { E: '中端客户', L: null }])).toEqual([
        ['邀约明细!E5', 'required-error'],
        ['邀约明细!E6', 'enum-error'],
      ]);
    });

    it('F 流动资产(万元): is a required number ≥ 0', () => {
      expect(findingsOf([{ F: null }, { F: -1 }, { F: '很多' }])).toEqual([
        ['邀约明细!F5', 'required-error'],
        ['邀约明细!F6', 'constraint-error'],
        ['邀约明细!F7', 'type-error'],
      ]);
    });

    it('F 流动资产(万元): warns below 20 for 普通客户 and below 100 for 高端客户, strictly', () => {
      const rows: Record<string, CellValue>[] = [
        { E: '普通客户', L: null, F: 19 },
        { E: '普通客户', L: null, F: 20 },
        { E: '高端客户', F: 99.5 },
        { E: '高端客户', F: 100 },
      ];
      expect(findingsOf(rows)).toEqual([
        ['邀约明细!F5', 'cross-field-error'],
        ['邀约明细!F7', 'cross-field-error'],
      ]);
    });

    it('F 流动资产(万元): the below-target finding is a warning', () => {
      const grid = buildGrid(spec, { header: inviteHeader, rows: [{ ...inviteRow, E: '普通客户', L: null, F: 5 }] });
      const result = validateSheet(grid, spec, checkedBeforeSale);
      expect(result.findings.map((f) => [f.address, f.severity, f.note])).toEqual([['邀约明细!F5', 'warning', 'below-when']]);
      expect(result.hasErrors).toBe(false);
    });

    it('G 到期情况: is optional and one of its list', () => {
      expect(findingsOf([{ G: null }, { G: '明年到期' }])).toEqual([['邀约明细!G6', 'enum-error']]);
    });

    it('H 年龄: is an optional whole number from 18 to 100 inclusive', () => {
      expect(findingsOf([{ H: 18 }, { H: 100 }, { H: 17 }, { H: 101 }, { H: 30.5 }, { H: null }])).toEqual([
        ['邀约明细!H7', 'constraint-error'],
        ['邀约明细!H8', 'constraint-error'],
        ['邀约明细!H9', 'type-error'],
      ]);
    });

    it('I 邀约方式: is required and one of 短信 / 电话 / 面谈', () => {
      expect(findingsOf([{ I: null, C: null }, { I: '微信' }])).toEqual([
        ['邀约明细!I5', 'required-error'],
        ['邀约明细!I6', 'enum-error'],
      ]);
    });

    it('J 邀约人: is required', () => {
      expect(findingsOf([{ J: null }])).toEqual([['邀约明细!J5', 'required-error']]);
    });

    it('K 是否有效邀约: is a required 是/否', () => {
      expect(findingsOf([{ K: null, M: null }, { K: '也许', M: null }])).toEqual([
        ['邀约明细!K5', 'required-error'],
        ['邀约明细!K6', 'type-error'],
      ]);
    });

    it('L 是否大单客户: is an optional 是/否', () => {
      expect(findingsOf([{ L: null }, { L: '大概' }])).toEqual([['邀约明细!L6', 'type-error']]);
    });

    it('L 是否大单客户: 是 requires 客户类别 高端客户, at L', () => {
      expect(findingsOf([{ L: '是', E: '普通客户', F: 50 }, { L: '否', E: '普通客户', F: 50 }])).toEqual([['邀约明细!L5', 'cross-field-error']]);
    });

    it('M 预约到场日期: is required when K is 是, at M', () => {
      expect(findingsOf([{ K: '是', M: null }, { K: '否', M: null }])).toEqual([['邀约明细!M5', 'cross-field-error']]);
    });

    it('M 预约到场日期: must be one of the campaign sale days', () => {
      expect(findingsOf([{ M: '2026-12-10' }, { M: '2026-12-11' }])).toEqual([['邀约明细!M6', 'cross-field-error']]);
    });

    it('M 预约到场日期: must be a date', () => {
      expect(findingsOf([{ M: '下周' }])).toEqual([['邀约明细!M5', 'type-error']]);
    });

    it('N 预销售产品: is optional text', () => {
      expect(findingsOf([{ N: null }, { N: '终身寿险' }])).toEqual([]);
    });

    it('O, P 预估保费(元): are optional money ≥ 0', () => {
      expect(findingsOf([{ O: null, P: null }, { O: -1, P: '一些' }])).toEqual([
        ['邀约明细!O6', 'constraint-error'],
        ['邀约明细!P6', 'type-error'],
      ]);
    });

    it('Q 是否到场: filled before the first sale day is an error', () => {
      expect(findingsOf([{ Q: '否' }])).toEqual([['邀约明细!Q5', 'cross-field-error']]);
    });

    it('Q 是否到场: may be filled from the first sale day on', () => {
      expect(findingsOf([{ Q: '是', R: 50000 }, { Q: '否' }], checkedOnSaleDay)).toEqual([]);
    });

    it('R, S 成交保费(元): only when Q is 是, at R and S', () => {
      expect(findingsOf([{ Q: '否', R: 1000, S: 2000 }, { Q: null, R: 1000 }, { Q: '是', R: 1000, S: 2000 }], checkedOnSaleDay)).toEqual([
        ['邀约明细!R5', 'cross-field-error'],
        ['邀约明细!S5', 'cross-field-error'],
        ['邀约明细!R6', 'cross-field-error'],
      ]);
    });

    it('R, S 成交保费(元): are money ≥ 0', () => {
      expect(findingsOf([{ Q: '是', R: -5, S: '五千' }], checkedOnSaleDay)).toEqual([
        ['邀约明细!R5', 'constraint-error'],
        ['邀约明细!S5', 'type-error'],
      ]);
    });

    it('T 备注: is optional', () => {
      expect(findingsOf([{ T: null }, { T: '老客户' }])).toEqual([]);
    });
  });

  describe('computed cells', () => {
    it('reports a typed value in a computed header cell', () => {
      const grid = buildGrid(spec, { header: { ...inviteHeader, inviteCount: 52 }, rows: [inviteRow], withoutFormulas: ['B3'] });
      expect(validateSheet(grid, spec, checkedBeforeSale).findings.map((f) => [f.address, f.code, f.note])).toEqual([
        ['邀约明细!B3', 'computed-cell-overwritten', undefined],
      ]);
    });

    it('reports a computed header cell whose formula was removed', () => {
      const grid = buildGrid(spec, { header: inviteHeader, rows: [inviteRow], withoutFormulas: ['H3'] });
      expect(validateSheet(grid, spec, checkedBeforeSale).findings.map((f) => [f.address, f.code, f.note])).toEqual([
        ['邀约明细!H3', 'computed-cell-overwritten', 'removed'],
      ]);
    });

    it('says nothing about computed cells when the formulas are not known', () => {
      const grid = buildGrid(spec, { header: { ...inviteHeader, inviteCount: 52 }, rows: [inviteRow], formulas: false });
      expect(validateSheet(grid, spec, checkedBeforeSale).findings).toEqual([]);
    });
  });

  describe('rows', () => {
    it('counts a row as filled when any cell but 序号 is, and ignores rows with only 序号', () => {
      const grid = buildGrid(spec, { header: inviteHeader, rows: [inviteRow, { A: 2 }, { A: 3 }] });
      const result = validateSheet(grid, spec, checkedBeforeSale);
      expect([result.findings, result.rows.map((r) => r.rowNumber)]).toEqual([[], [5]]);
    });

    it('reports one blank-row notice for a run of empty rows between filled rows', () => {
      const grid = buildGrid(spec, { header: inviteHeader, rows: [inviteRow, {}, {}, inviteRow, {}] });
      const result = validateSheet(grid, spec, checkedBeforeSale);
      expect(result.findings.map((f) => [f.address, f.code, f.severity])).toEqual([['邀约明细!A6', 'blank-row', 'notice']]);
      expect(result.rows.map((r) => r.rowNumber)).toEqual([5, 8]);
    });

    it('returns the typed values of a filled row by column letter', () => {
      const grid = buildGrid(spec, { header: inviteHeader, rows: [inviteRow] });
      expect(validateSheet(grid, spec, checkedBeforeSale).rows[0]).toEqual({
        rowNumber: 5,
        values: { ...inviteRow, Q: null, R: null, S: null, T: null },
      });
    });

    it('carries the rows through JSON and object spread like a plain property', () => {
      const grid = buildGrid(spec, { header: inviteHeader, rows: [inviteRow, { ...inviteRow, B: '李四' }] });
      const result = validateSheet(grid, spec, checkedBeforeSale);
      const viaJson = JSON.parse(JSON.stringify(result)) as typeof result;
      expect([viaJson.rows.map((r) => r.values.B), { ...result }.rows.length]).toEqual([['张三', '李四'], 2]);
    });

    it('lets the rows be replaced', () => {
      const result = validateSheet(buildGrid(spec, { header: inviteHeader, rows: [inviteRow] }), spec, checkedBeforeSale);
      result.rows = [];
      expect(result.rows).toEqual([]);
    });

    it('returns the header values normalised, by field key', () => {
      const grid = buildGrid(spec, { header: { ...inviteHeader, reportDate: 46359 }, rows: [inviteRow] });
      expect(validateSheet(grid, spec, checkedBeforeSale).header).toEqual({ ...inviteHeader, reportDate: '2026-12-03' });
    });

    it('reads 12月8日 in the year of the sheet’s own date', () => {
      const grid = buildGrid(spec, { header: { ...inviteHeader, reportDate: '2027-01-02' }, rows: [{ ...inviteRow, M: '12月8日' }] });
      const result = validateSheet(grid, spec, { asOf: '2026-12-03', organisation });
      expect(result.findings.map((f) => [f.address, f.code, f.fix])).toEqual([
        // A sheet dated after the day of checking is itself an error (templates.md "Reading the rules").
        ['邀约明细!F2', 'report-date-error', null],
        ['邀约明细!M5', 'type-error', '2027-12-08'],
        ['邀约明细!M5', 'cross-field-error', null],
      ]);
    });
  });
});
