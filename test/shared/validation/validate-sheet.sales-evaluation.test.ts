import type { CellValue } from '#shared/grid/types';
import { validateSheet } from '#shared/validation/validate-sheet';
import type { ValidateSheetOptions } from '#shared/validation/types';
import { organisation, salesEvaluation as spec, salesHeader, salesRow } from './fixtures';
import { buildGrid } from './grid-builder';

const options: ValidateSheetOptions = { asOf: '2026-12-08', organisation };

function findingsOf(rows: Record<string, CellValue>[], header = salesHeader, withoutFormulas: string[] = []): [string, string][] {
  const grid = buildGrid(spec, { header, rows: rows.map((r) => ({ ...salesRow, ...r })), withoutFormulas });
  return validateSheet(grid, spec, options).findings.map((f) => [f.address, f.code]);
}

describe('validateSheet: 销售评估 (sales-evaluation v1)', () => {
  it('finds nothing in a well-filled sheet', () => {
    expect(findingsOf([{}, { B: '陈大堂', C: '大堂经理' }])).toEqual([]);
  });

  describe('header block', () => {
    it('requires all four header values', () => {
      expect(findingsOf([{}], { outlet: null, evaluationDate: null, evaluator: null, stage: null })).toEqual([
        ['销售评估!B2', 'required-error'],
        ['销售评估!D2', 'required-error'],
        ['销售评估!F2', 'required-error'],
        ['销售评估!H2', 'required-error'],
      ]);
    });

    it('takes 阶段 only from 示范销售 / 共同销售 / 评估销售', () => {
      expect(findingsOf([{}], { ...salesHeader, stage: '自主销售' })).toEqual([['销售评估!H2', 'enum-error']]);
    });

    it('reads 评估日期 written as 2026年12月8日 with a fix', () => {
      const grid = buildGrid(spec, { header: { ...salesHeader, evaluationDate: '2026年12月8日' }, rows: [salesRow] });
      expect(validateSheet(grid, spec, options).findings.map((f) => [f.address, f.code, f.fix])).toEqual([
        ['销售评估!D2', 'type-error', '2026-12-08'],
      ]);
    });

    it('keeps row 3 empty: anything there is outside the layout', () => {
      expect(findingsOf([{}], { ...salesHeader, A3: '备注' })).toEqual([['销售评估!A3', 'extra-label']]);
    });
  });

  describe('columns', () => {
    it('B 员工姓名: is required, at most 20 characters', () => {
      expect(findingsOf([{ B: null }, { B: '名'.repeat(21) }])).toEqual([
        ['销售评估!B5', 'required-error'],
        ['销售评估!B6', 'constraint-error'],
      ]);
    });

    it('C 岗位: is one of 理财经理 / 大堂经理 / 柜员', () => {
      expect(findingsOf([{ C: '行长' }])).toEqual([['销售评估!C5', 'enum-error']]);
    });

    it('D–G scores: are required whole numbers 1–5', () => {
      expect(findingsOf([{ D: 0, E: 6, F: 3.5, G: null }, { D: 1, E: 5 }])).toEqual([
        ['销售评估!D5', 'constraint-error'],
        ['销售评估!E5', 'constraint-error'],
        ['销售评估!F5', 'type-error'],
        ['销售评估!G5', 'required-error'],
      ]);
    });

    it('H 合规提示到位: 否 is kept and reported as a warning on the cell', () => {
      const grid = buildGrid(spec, { header: salesHeader, rows: [{ ...salesRow, H: '否' }] });
      const result = validateSheet(grid, spec, options);
      expect(result.findings.map((f) => [f.address, f.code, f.severity])).toEqual([['销售评估!H5', 'flagged-value', 'warning']]);
      expect(result.rows[0].values.H).toBe('否');
    });

    it('H 合规提示到位: N is read as 否 and still reported', () => {
      expect(findingsOf([{ H: 'N' }])).toEqual([
        ['销售评估!H5', 'type-error'],
        ['销售评估!H5', 'flagged-value'],
      ]);
    });

    it('I 总分: a typed total over the formula is overwritten', () => {
      expect(findingsOf([{ I: 16 }], salesHeader, ['I5'])).toEqual([['销售评估!I5', 'computed-cell-overwritten']]);
    });

    it('J 可独立销售: is a required 是/否', () => {
      expect(findingsOf([{ J: null }, { J: '可以' }])).toEqual([
        ['销售评估!J5', 'required-error'],
        ['销售评估!J6', 'type-error'],
      ]);
    });

    it('K 改进建议: is optional', () => {
      expect(findingsOf([{ K: null }])).toEqual([]);
    });
  });
});
