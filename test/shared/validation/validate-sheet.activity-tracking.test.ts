import type { CellValue } from '#shared/grid/types';
import { validateSheet } from '#shared/validation/validate-sheet';
import type { ValidateSheetOptions } from '#shared/validation/types';
import { activityHeader, activityRow, activityTracking as spec, organisation } from './fixtures';
import { buildGrid } from './grid-builder';

const options: ValidateSheetOptions = { asOf: '2026-12-31', organisation };

function findingsOf(rows: Record<string, CellValue>[], header = activityHeader, withoutFormulas: string[] = []): [string, string][] {
  const grid = buildGrid(spec, { header, rows: rows.map((r) => ({ ...activityRow, ...r })), withoutFormulas });
  return validateSheet(grid, spec, options).findings.map((f) => [f.address, f.code]);
}

describe('validateSheet: 活动追踪 (activity-tracking v1)', () => {
  it('finds nothing in a well-filled sheet', () => {
    expect(findingsOf([{}, { A: 2, B: '亲子游园', D: '户外游园', E: '2026-12-20' }])).toEqual([]);
  });

  describe('header block', () => {
    it('requires all three header values', () => {
      expect(findingsOf([{}], { unit: null, reportMonth: null, submitter: null })).toEqual([
        ['活动追踪!B2', 'required-error'],
        ['活动追踪!D2', 'required-error'],
        ['活动追踪!F2', 'required-error'],
      ]);
    });

    it('accepts an outlet as well as a workplace for 职场/网点', () => {
      expect(findingsOf([{}], { ...activityHeader, unit: '新华路网点' })).toEqual([]);
    });

    it('resolves a workplace named in 职场/网点 to its code', () => {
      const grid = buildGrid(spec, { header: activityHeader, rows: [activityRow] });
      expect(validateSheet(grid, spec, options).unitCode).toBe('W01');
    });

    it('reports a 职场/网点 the organisation does not have', () => {
      expect(findingsOf([{}], { ...activityHeader, unit: '西湖职场' })).toEqual([['活动追踪!B2', 'unknown-org-unit']]);
    });

    it('reads 填报月份 written as 2026年12月 with a fix', () => {
      const grid = buildGrid(spec, { header: { ...activityHeader, reportMonth: '2026年12月' }, rows: [activityRow] });
      const result = validateSheet(grid, spec, options);
      expect(result.findings.map((f) => [f.address, f.code, f.fix])).toEqual([['活动追踪!D2', 'type-error', '2026-12']]);
      expect(result.header.reportMonth).toBe('2026-12');
    });

    it('reads 填报月份 given as a date in the month', () => {
      const grid = buildGrid(spec, { header: { ...activityHeader, reportMonth: 46357 }, rows: [activityRow] });
      expect(validateSheet(grid, spec, options).header.reportMonth).toBe('2026-12');
    });
  });

  describe('columns', () => {
    it('B 活动名称: is required, at most 50 characters', () => {
      expect(findingsOf([{ B: null }, { B: '活'.repeat(50) }, { B: '活'.repeat(51) }])).toEqual([
        ['活动追踪!B5', 'required-error'],
        ['活动追踪!B7', 'constraint-error'],
      ]);
    });

    it('C 活动类型, D 活动形式, F 组织方: are required and from their lists', () => {
      expect(findingsOf([{ C: '拓客', D: '音乐会', F: '外包' }, { C: null }])).toEqual([
        ['活动追踪!C5', 'enum-error'],
        ['活动追踪!D5', 'enum-error'],
        ['活动追踪!F5', 'enum-error'],
        ['活动追踪!C6', 'required-error'],
      ]);
    });

    it('E 活动日期: is a date inside the month of D2', () => {
      expect(findingsOf([{ E: '2026-11-30' }, { E: '2026-12-31' }, { E: '2027-01-01' }, { E: '下月' }])).toEqual([
        ['活动追踪!E5', 'cross-field-error'],
        ['活动追踪!E7', 'cross-field-error'],
        ['活动追踪!E8', 'type-error'],
      ]);
    });

    it('G 负责人: is required text', () => {
      expect(findingsOf([{ G: null }])).toEqual([['活动追踪!G5', 'required-error']]);
    });

    it('H, I, K, L, O: are whole numbers ≥ 0', () => {
      expect(findingsOf([{ H: -1, I: 2.5, L: '十', O: null }])).toEqual([
        ['活动追踪!H5', 'constraint-error'],
        ['活动追踪!I5', 'type-error'],
        ['活动追踪!L5', 'type-error'],
        ['活动追踪!O5', 'required-error'],
      ]);
    });

    it('J 到场客户数: is not above I 邀约客户数, at J', () => {
      expect(findingsOf([{ I: 30, J: 30, K: 5 }, { I: 30, J: 31, K: 5 }])).toEqual([['活动追踪!J6', 'cross-field-error']]);
    });

    it('K 新增准客户数: is not above J 到场客户数, at K', () => {
      expect(findingsOf([{ J: 10, K: 11 }])).toEqual([['活动追踪!K5', 'cross-field-error']]);
    });

    it('M, N, P: are money ≥ 0 and take 万 amounts with a fix', () => {
      expect(findingsOf([{ M: -1, N: '0.5万', P: '十二万' }])).toEqual([
        ['活动追踪!M5', 'constraint-error'],
        ['活动追踪!N5', 'type-error'],
        ['活动追踪!P5', 'type-error'],
      ]);
    });

    it('N 实际投入: above M by more than 10% is a warning, at N', () => {
      const grid = buildGrid(spec, {
        header: activityHeader,
        rows: [
          { ...activityRow, M: 1000, N: 1100 },
          { ...activityRow, M: 1000, N: 1101 },
        ],
      });
      const result = validateSheet(grid, spec, options);
      expect(result.findings.map((f) => [f.address, f.code, f.severity])).toEqual([['活动追踪!N6', 'cross-field-error', 'warning']]);
    });

    it('Q 投入产出比: a typed value where the formula belongs is overwritten, at Q', () => {
      expect(findingsOf([{ Q: 23.08 }, {}], activityHeader, ['Q5'])).toEqual([['活动追踪!Q5', 'computed-cell-overwritten']]);
    });

    it('R 感谢信已发送, S 资料已入档: are required 是/否', () => {
      expect(findingsOf([{ R: null, S: 'maybe' }])).toEqual([
        ['活动追踪!R5', 'required-error'],
        ['活动追踪!S5', 'type-error'],
      ]);
    });

    it('T 评估得分: is a whole number 1–5', () => {
      expect(findingsOf([{ T: 1 }, { T: 5 }, { T: 0 }, { T: 6 }, { T: null }])).toEqual([
        ['活动追踪!T7', 'constraint-error'],
        ['活动追踪!T8', 'constraint-error'],
        ['活动追踪!T9', 'required-error'],
      ]);
    });

    it('U 问题与改进: is optional', () => {
      expect(findingsOf([{ U: null }, { U: '场地偏小' }])).toEqual([]);
    });
  });

  describe('computed cells', () => {
    it('reports each header total typed over its formula', () => {
      expect(findingsOf([{}], { ...activityHeader, eventCount: 1, premiumTotal: 120000 }, ['B3', 'H3'])).toEqual([
        ['活动追踪!B3', 'computed-cell-overwritten'],
        ['活动追踪!H3', 'computed-cell-overwritten'],
      ]);
    });

    it('reports a typed value in a computed column of an otherwise empty row', () => {
      const grid = buildGrid(spec, { header: activityHeader, rows: [activityRow, { Q: 0 }], withoutFormulas: ['Q6'] });
      expect(validateSheet(grid, spec, options).findings.map((f) => [f.address, f.code])).toEqual([['活动追踪!Q6', 'computed-cell-overwritten']]);
    });

    it('takes the computed value of Q into the typed row', () => {
      const grid = buildGrid(spec, { header: activityHeader, rows: [{ ...activityRow, Q: 23.08 }] });
      expect(validateSheet(grid, spec, options).rows[0].values.Q).toBe(23.08);
    });
  });
});
