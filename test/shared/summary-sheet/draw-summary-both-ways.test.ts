/**
 * One summary plan drawn by every writer: ExcelJS (pts summary --out, GET /consolidated.xlsx), the pane's
 * Office.js adapter (on the counting fake of Excel) and the memory workbook give the same cells.
 */
import ExcelJS from 'exceljs';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import type { ConsolidatedView } from '#shared/api/consolidated-view';
import { planConsolidatedWorkbook } from '#shared/summary-sheet/plan-consolidated-workbook';
import { excelSerialFromDate } from '#shared/normalise/excel-serial-from-date';
import { drawSummaryWorkbook } from '#shared/xlsx/write-summary-workbook';
import { OfficeWorkbook } from '#addin/excel/office-workbook';
import { MemoryWorkbook } from '#addin/excel/memory-workbook';
import { createFakeExcel } from '../../addin/excel/fake-excel';

const inviteDaily = builtinTemplates.find((s) => s.id === 'invite-daily')!;

/** What a reader sees of a cell: its value, number format, fill (body rows) and boldness. */
type SeenCell = { value: string | number; format: string; fill: string | null; bold: boolean };
type SeenSheet = Map<string, SeenCell>;

const view: ConsolidatedView = {
  template: 'invite-daily',
  subBranch: '3301',
  subBranchName: '城东支行',
  from: '2026-12-01',
  to: '2026-12-03',
  ranking: 'rank.eq',
  warnBelow: 0.8,
  outlets: [
    { outlet: '3301002', outletName: '新华路网点', rank: 1, values: { 邀约人次: 150, 有效邀约: 50, 预估趸交: 9_999_999_999.99, 有效邀约达成率: 50 / 45 }, late: 1 },
    { outlet: '3301001', outletName: '=营业部', rank: 2, values: { 邀约人次: 90, 有效邀约: 20, 预估趸交: 1200.5, 有效邀约达成率: 20 / 45 } },
  ],
  missing: [{ outlet: '3301003', outletName: '解放路网点' }],
  total: { 邀约人次: 240, 有效邀约: 70, 预估趸交: 10_000_001_200.49, 有效邀约达成率: 70 / 135 },
  rows: [{ outlet: '3301001', period: '2026-12-01', version: 1, rows: [{ rowNumber: 5, values: { B: '张三', C: '138****8000', K: '是', M: '2026-12-08', O: 1200.5 } }] }],
};

function normalFill(colour: string | null | undefined): string | null {
  if (!colour) return null;
  return `#${colour.replace(/^#|^FF/i, '').toUpperCase()}`;
}

async function seenByExcelJs(bytes: Uint8Array): Promise<Map<string, SeenSheet>> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS types its own Buffer; a Node Buffer is what it takes at run time.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const out = new Map<string, SeenSheet>();
  for (const sheet of workbook.worksheets) {
    const cells: SeenSheet = new Map();
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const raw = cell.value;
        // A number in a date format comes back from ExcelJS as a Date: its serial is what was written.
        const value = raw instanceof Date ? excelSerialFromDate(raw.toISOString().slice(0, 10))! : (raw as string | number);
        const fill = cell.fill?.type === 'pattern' ? normalFill(cell.fill.fgColor?.argb) : null;
        cells.set(cell.address, { value, format: cell.numFmt || 'General', fill, bold: cell.font?.bold === true });
      }),
    );
    out.set(sheet.name, cells);
  }
  return out;
}

describe('the summary plan drawn by ExcelJS, Office.js and the memory workbook', () => {
  const plan = planConsolidatedWorkbook(inviteDaily, view);

  it('gives the same values, number formats, fills and bold lines in every sheet', async () => {
    // Act
    const excel = await seenByExcelJs(await drawSummaryWorkbook(plan));
    const memory = new MemoryWorkbook(['Sheet1']);
    await memory.writeSummarySheets(plan);
    const { workbook: fake, run } = createFakeExcel(['Sheet1']);
    const office = new OfficeWorkbook(run);
    const written = await office.writeSummarySheets(plan);

    // Assess
    expect(written).toEqual({ ok: true, value: { sheetName: '汇总 2026-12-01~12-03' } });
    expect([...excel.keys()]).toEqual(['汇总 2026-12-01~12-03', '明细 2026-12-01~12-03']);
    for (const [name, cells] of excel) {
      const memorySheet = memory.sheet(name)!;
      const fakeSheet = fake.sheets.find((s) => s.name === name)!;
      const headerRow = plan.sheets.find((s) => s.name === name)!.headerRow;
      const seenInMemory: SeenSheet = new Map();
      for (const [address, cell] of memorySheet.cells) {
        if (cell.value === null || typeof cell.value === 'boolean') continue;
        seenInMemory.set(address, { value: cell.value, format: cell.numberFormat ?? 'General', fill: normalFill(cell.fill), bold: memorySheet.bold.has(address) });
      }
      const seenInOffice: SeenSheet = new Map();
      for (const [address, cell] of fakeSheet.cells) {
        if (cell.value === null || cell.value === '') continue;
        seenInOffice.set(address, { value: cell.value as string | number, format: cell.numberFormat, fill: normalFill(cell.fill), bold: cell.bold });
      }
      // Header fills are the writers' own table style; the plan's marks are on the body lines.
      const comparable = (seen: SeenSheet) =>
        [...seen].map(([address, c]) => [address, { ...c, fill: Number(/\d+/.exec(address)![0]) > headerRow ? c.fill : null }] as const).sort(([a], [b]) => a.localeCompare(b));
      expect(cells.size).toBeGreaterThan(20);
      expect(comparable(seenInMemory)).toEqual(comparable(cells));
      expect(comparable(seenInOffice)).toEqual(comparable(cells));
    }
    const summarySheet = excel.get('汇总 2026-12-01~12-03')!;
    expect(summarySheet.get('A7')).toEqual({ value: '未报送', format: '0', fill: '#EDEDED', bold: false });
    expect(summarySheet.get('M6')).toEqual({ value: '预警', format: '@', fill: '#FDE2E1', bold: false });
    expect(summarySheet.get('C6')).toMatchObject({ value: '=营业部', format: '@' });
  });

  it('draws the chart from the same description: the ranked outlets, in rank order', async () => {
    const memory = new MemoryWorkbook(['Sheet1']);
    await memory.writeSummarySheets(plan);
    const { workbook: fake, run } = createFakeExcel(['Sheet1']);
    await new OfficeWorkbook(run).writeSummarySheets(plan);
    const fakeChart = fake.sheets.find((s) => s.name === plan.chart!.sheetName)!.charts.items[0];
    expect(fakeChart).toMatchObject({ values: 'L5:L6', categories: 'C5:C6', title: { text: '有效邀约达成率' } });
    expect(memory.sheet(plan.chart!.sheetName)!.charts[0]).toMatchObject({ categories: ['新华路网点', '=营业部'], values: [50 / 45, 20 / 45] });
  });
});
