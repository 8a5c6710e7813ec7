import { builtinTemplates } from '#shared/spec/builtin-templates';
import { createTemplateRegistry } from '#shared/spec/template-registry';
import type { WorkbookGrid } from '#shared/grid/types';
import { FileWorkbook } from '#addin/excel/file-workbook';

const registry = createTemplateRegistry(builtinTemplates);

/** A filled 邀约明细 as a reader hands it over: header, one data row, a total formula with its cached result. */
function grid(): WorkbookGrid {
  const values: (string | number | null)[][] = [
    ['网点客户邀约每日明细表'],
    ['支行', '3301', '网点', '3301001', '填报日期', 46359, '填报人', '王芳'],
    [],
    ['序号', '客户姓名'],
    [1, '客户甲', '139 0001 0002', '存量客户', '普通客户', 50, null, null, '电话', '理财经理王', '是', '否', 46366],
  ];
  const formulas: (string | null)[][] = values.map((row) => row.map(() => null));
  formulas[0][9] = 'COUNTA(B5:B504)';
  values[0][9] = 1;
  return { sheets: [{ sheetName: '邀约明细', values, formulas }], identities: [{ sheetName: '邀约明细', id: 'invite-daily', version: 1 }] };
}

describe('FileWorkbook', () => {
  it('opens a read file on its template sheet, with the template found by the identity', () => {
    const workbook = new FileWorkbook(registry);
    const opened = workbook.open('a.xlsx', new Uint8Array([1]), grid());
    expect([opened.sheetName, opened.spec?.id, workbook.activeSheet]).toEqual(['邀约明细', 'invite-daily', '邀约明细']);
    expect(workbook.sheets.find((s) => s.name === '_pts_meta')?.veryHidden).toBe(true);
    expect(workbook.changedCells()).toEqual([]);
  });

  it('lists what fixes and typing changed, as the fix writer takes it: text, numbers, dates as ISO days, formulas', async () => {
    // Prepare
    const workbook = new FileWorkbook(registry);
    workbook.open('a.xlsx', new Uint8Array([1]), grid());
    // Act
    await workbook.updateActiveSheet(() => ({ result: null, writes: [{ cell: 'C5', value: '13900010002', numberFormat: '@' }, { cell: 'J1', value: null, formula: '=COUNTA(B5:B504)' }] }));
    workbook.typeInCell('邀约明细', 'F5', '80');
    workbook.typeInCell('邀约明细', 'M5', '2026-12-09');
    workbook.typeInCell('邀约明细', 'L5', '');
    // Assess
    const changes = workbook.changedCells().map((c) => [c.address, c.code, c.fix]);
    expect(changes.sort()).toEqual(
      [
        ['邀约明细!C5', 'cell-edited', '13900010002'],
        ['邀约明细!F5', 'cell-edited', 80],
        ['邀约明细!L5', 'cell-edited', ''],
        ['邀约明细!M5', 'cell-edited', '2026-12-09'],
      ].sort(),
    );
  });

  it('keeps the summary the manager pulled, with its query, and tells its views', () => {
    const workbook = new FileWorkbook(registry);
    const seen: number[] = [];
    workbook.subscribe(() => seen.push(1));
    const plan = { title: '汇总', sheets: [], chart: null, counts: { ranked: 0, warned: 0, missing: 0, rejected: 0, late: 0 } };
    workbook.showSummary({ template: 'invite-daily', subBranch: '3301', from: '2026-12-01', to: '2026-12-01' }, plan);
    expect([workbook.summary?.query.subBranch, seen.length]).toEqual(['3301', 1]);
  });
});
