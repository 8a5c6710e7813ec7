import ExcelJS from 'exceljs';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { parseTemplateSpec } from '#shared/spec/parse-template-spec';
import type { TemplateSpec } from '#shared/spec/schema';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { writeTemplateWorkbook } from '#shared/xlsx/write-template-workbook';

const [inviteDaily, activityTracking, salesEvaluation] = builtinTemplates;

async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS types its own Buffer; a Node Buffer is what it takes at run time.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Data validations as ExcelJS reads them back: one entry per cell address. */
function validationsOf(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.DataValidation | undefined> {
  return (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model;
}

describe('writeTemplateWorkbook', () => {
  it('writes title, header labels, computed labels and the header row where the spec puts them', async () => {
    // Prepare / Act
    const grid = await readWorkbook(await writeTemplateWorkbook(inviteDaily));
    // Assess
    const sheet = grid.sheets.find((s) => s.sheetName === '邀约明细')!;
    expect(sheet.values[0][0]).toBe('网点客户邀约每日明细表');
    expect(sheet.values[1]).toEqual(['支行', null, '网点', null, '填报日期', null, '填报人']);
    expect(sheet.values[2]).toEqual(['邀约人次', null, '有效邀约', null, '大单客户', null, '预估保费合计(元)']);
    expect(sheet.values[3]).toEqual(inviteDaily.columns.map((c) => c.label));
  });

  it('stores the template identity in the very-hidden sheet _pts_meta', async () => {
    const bytes = await writeTemplateWorkbook(salesEvaluation);
    const workbook = await loadExcelJs(bytes);
    const meta = workbook.getWorksheet('_pts_meta')!;
    expect(meta.state).toBe('veryHidden');
    expect(meta.getRow(1).values).toEqual([undefined, '销售评估', 'sales-evaluation', 1]);
    expect((await readWorkbook(bytes)).identities).toEqual([{ sheetName: '销售评估', id: 'sales-evaluation', version: 1 }]);
  });

  it('puts the computed cells formulas over the issued data rows', async () => {
    const grid = await readWorkbook(await writeTemplateWorkbook(inviteDaily));
    const formulas = grid.sheets[0].formulas!;
    expect(formulas[2]).toEqual([
      null,
      'COUNTA(B5:B504)',
      null,
      'COUNTIF(K5:K504,"是")',
      null,
      'COUNTIF(L5:L504,"是")',
      null,
      'SUM(O5:O504)+SUM(P5:P504)',
    ]);
  });

  it('holds the formula of a computed column in every data row and no formula in 序号', async () => {
    const grid = await readWorkbook(await writeTemplateWorkbook(activityTracking));
    const formulas = grid.sheets[0].formulas!;
    const qColumn = 16;
    for (let row = 5; row <= 504; row++) {
      expect(formulas[row - 1][qColumn]).toBe(`IF(N${row}>0,P${row}/N${row},"")`);
      expect(formulas[row - 1][0] ?? null).toBeNull();
    }
    expect(formulas[504]).toBeUndefined();
  });

  it('adds a drop-down on every enum and 是/否 column over all data rows, and on the 阶段 header field', async () => {
    const workbook = await loadExcelJs(await writeTemplateWorkbook(salesEvaluation));
    const sheet = workbook.getWorksheet('销售评估')!;
    const validations = validationsOf(sheet);
    for (const address of ['C5', 'C504', 'H5', 'H504', 'J5', 'J300']) {
      expect(validations[address]?.type).toBe('list');
    }
    expect(validations.C5?.formulae).toEqual(['"理财经理,大堂经理,柜员"']);
    expect(validations.H504?.formulae).toEqual(['"是,否"']);
    expect(validations.C505).toBeUndefined();
    expect(validations.D5).toBeUndefined();
    expect(validations.H2?.formulae).toEqual(['"示范销售,共同销售,评估销售"']);
  });

  it('formats money, dates and whole numbers, styles the header row and freezes the panes below it', async () => {
    const workbook = await loadExcelJs(await writeTemplateWorkbook(inviteDaily));
    const sheet = workbook.getWorksheet('邀约明细')!;
    expect(sheet.getCell('O5').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('M504').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('H5').numFmt).toBe('0');
    expect(sheet.getCell('F2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('H3').numFmt).toBe('#,##0.00');
    const header = sheet.getCell('K4');
    expect(header.font?.bold).toBe(true);
    expect(header.alignment?.wrapText).toBe(true);
    expect(header.border?.bottom?.style).toBe('thin');
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.getColumn('T').width).toBe(20);
    expect(sheet.getColumn('B').width).toBe(12);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it('locks labels and formulas, leaves input cells unlocked and protects the sheet', async () => {
    const workbook = await loadExcelJs(await writeTemplateWorkbook(salesEvaluation));
    const sheet = workbook.getWorksheet('销售评估')!;
    expect(sheet.getCell('A4').protection?.locked).not.toBe(false);
    expect(sheet.getCell('A2').protection?.locked).not.toBe(false);
    expect(sheet.getCell('I5').protection?.locked).not.toBe(false);
    expect(sheet.getCell('K1').protection?.locked).not.toBe(false);
    expect(sheet.getCell('B2').protection?.locked).toBe(false);
    expect(sheet.getCell('B5').protection?.locked).toBe(false);
    expect(sheet.getCell('H504').protection?.locked).toBe(false);
    expect(sheet.getColumn('B').style.protection?.locked).toBe(false);
    expect((sheet as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true, formatColumns: true });
  });

  it('pre-fills the header values it is given, a date as a date serial', async () => {
    const bytes = await writeTemplateWorkbook(inviteDaily, { header: { subBranch: '城东支行', outlet: '3301001', reportDate: '2026-12-01', 填报人: '张三' } });
    const grid = await readWorkbook(bytes);
    expect(grid.sheets[0].values[1]).toEqual(['支行', '城东支行', '网点', '3301001', '填报日期', 46357, '填报人', '张三']);
  });

  it('writes a template that exists only as data (a fourth template)', async () => {
    const spec: TemplateSpec = parseTemplateSpec({
      id: 'visit-log',
      version: 2,
      title: '客户回访记录表',
      sheetName: '回访记录',
      period: 'day',
      headerFields: [{ key: 'outlet', label: '网点', labelCell: 'A2', valueCell: 'B2', type: 'text', role: 'unit' }],
      computedCells: [{ key: 'visits', label: '回访数', labelCell: 'C2', valueCell: 'D2', formula: 'COUNTA(B{first}:B{last})' }],
      headerRow: 3,
      firstDataRow: 4,
      dataRows: 10,
      columns: [
        { key: 'seq', col: 'A', label: '序号', type: 'integer', required: false, sequence: true },
        { key: 'name', col: 'B', label: '客户', type: 'text' },
        { key: 'done', col: 'C', label: '已回访', type: 'boolean' },
        { key: 'double', col: 'D', label: '两倍', type: 'integer', formula: 'A{r}*2' },
      ],
      summary: { units: 'outlets', columns: [{ agg: 'count', label: '回访数' }], rankBy: '回访数' },
    });
    const bytes = await writeTemplateWorkbook(spec);
    const grid = await readWorkbook(bytes);
    expect(grid.identities).toEqual([{ sheetName: '回访记录', id: 'visit-log', version: 2 }]);
    expect(grid.sheets[0].values[2]).toEqual(['序号', '客户', '已回访', '两倍']);
    expect(grid.sheets[0].formulas![1][3]).toBe('COUNTA(B4:B13)');
    expect(grid.sheets[0].formulas![12][3]).toBe('A13*2');
    const workbook = await loadExcelJs(bytes);
    expect(validationsOf(workbook.getWorksheet('回访记录')!).C13?.formulae).toEqual(['"是,否"']);
    expect(workbook.getWorksheet('回访记录')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });
});
