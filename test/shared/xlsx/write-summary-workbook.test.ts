import ExcelJS from 'exceljs';
import type { Organisation } from '#shared/org/schema';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { summariseSubmissions } from '#shared/summary';
import type { TypedRow } from '#shared/validation/types';
import { writeSummaryWorkbook } from '#shared/xlsx/write-summary-workbook';

const [inviteDaily, activityTracking] = builtinTemplates;

const organisation: Organisation = {
  code: '3301',
  name: '城东支行',
  outlets: [
    { code: '3301001', name: '城东支行营业部' },
    { code: '3301002', name: '解放路网点' },
    { code: '3301003', name: '=HYPERLINK("http://x","网点")' },
  ],
  targets: {},
  deadline: '20:00',
};

function inviteRow(rowNumber: number, effective: '是' | '否', extra: Record<string, string | number> = {}): TypedRow {
  return {
    rowNumber,
    values: {
      B: `客户${rowNumber}`,
      C: '13800138000',
      D: '存量客户',
      E: '普通客户',
      F: 30,
      I: '电话',
      J: '李四',
      K: effective,
      M: effective === '是' ? '2026-12-08' : null,
      O: 100000,
      ...extra,
    },
  };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS types its own Buffer; a Node Buffer is what it takes at run time.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}

describe('writeSummaryWorkbook', () => {
  // Prepare: outlet 002 has 2 effective invitations of 3, outlet 001 one of one, outlet 003 did not report.
  const submissions = [
    { unit: '3301001', period: '2026-12-01', rows: [inviteRow(5, '是')] },
    { unit: '3301002', period: '2026-12-01', rows: [inviteRow(5, '是'), inviteRow(6, '是'), inviteRow(7, '否', { T: '=1+2' })] },
  ];
  const summary = summariseSubmissions(inviteDaily, organisation, submissions, { from: '2026-12-01', to: '2026-12-01' });

  it('writes the ranked table, then the 未报送 outlets, then the bold total line', async () => {
    // Act
    const workbook = await load(await writeSummaryWorkbook(inviteDaily, summary));
    // Assess
    const sheet = workbook.getWorksheet('汇总 2026-12-01')!;
    expect(sheet.getCell('A1').value).toBe('网点客户邀约每日明细表汇总（城东支行 3301，2026-12-01）');
    expect(sheet.getCell('A2').value).toBe('支行：城东支行（3301）　期间：2026-12-01　排名方式：RANK.EQ　目标达成预警：有效邀约达成率低于 80%');
    expect(rowValues(sheet, 4)).toEqual(['排名', '网点代码', '网点名称', '邀约人次', '有效邀约', '大单客户', '预估趸交', '预估期缴', '到场', '成交趸交', '成交期缴', '有效邀约达成率', '目标达成预警', '备注']);
    expect(rowValues(sheet, 5).slice(0, 5)).toEqual([1, '3301002', '解放路网点', 3, 2]);
    expect(rowValues(sheet, 6).slice(0, 5)).toEqual([2, '3301001', '城东支行营业部', 1, 1]);
    expect(sheet.getCell('L5').value).toBeCloseTo(2 / 15, 10);
    expect([sheet.getCell('A7').value, sheet.getCell('M7').value]).toEqual(['未报送', '未报送']);
    expect([sheet.getCell('M5').value, sheet.getCell('M6').value]).toEqual(['预警', '预警']);
    expect(sheet.getCell('D7').value).toBeNull();
    expect(rowValues(sheet, 8).slice(0, 5)).toEqual(['合计', '3301', '城东支行', 4, 3]);
    expect(sheet.getCell('A8').font?.bold).toBe(true);
    expect(sheet.getCell('D8').font?.bold).toBe(true);
    expect(sheet.getCell('A5').font?.bold).not.toBe(true);
  });

  it('notes 迟报 for an outlet whose report came after the deadline (GET /consolidated.xlsx), beside 不在机构名单', async () => {
    // Prepare: the server's summary says 3301002 reported late twice, and an unlisted unit once.
    const late = {
      ...summary,
      outlets: [{ ...summary.outlets[0], late: 2 }, summary.outlets[1], { outlet: '9999001', outletName: '9999001', rank: 3, values: {}, unlisted: true, late: 1 }],
    };
    // Act
    const sheet = (await load(await writeSummaryWorkbook(inviteDaily, late))).getWorksheet('汇总 2026-12-01')!;
    // Assess
    expect([sheet.getCell('B5').value, sheet.getCell('N5').value]).toEqual(['3301002', '迟报 2 次']);
    expect([sheet.getCell('B6').value, sheet.getCell('N6').value]).toEqual(['3301001', null]);
    expect([sheet.getCell('B7').value, sheet.getCell('N7').value]).toEqual(['9999001', '不在机构名单；迟报']);
  });

  it('formats counts as whole numbers, money with two decimals and rates as percentages, freezes and filters the header', async () => {
    const workbook = await load(await writeSummaryWorkbook(inviteDaily, summary));
    const sheet = workbook.getWorksheet('汇总 2026-12-01')!;
    expect(sheet.getCell('D5').numFmt).toBe('0');
    expect(sheet.getCell('G5').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('L5').numFmt).toBe('0.0%');
    expect(sheet.getCell('L8').numFmt).toBe('0.0%');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.autoFilter).toBe('A4:N8');
    expect(sheet.getCell('B4').font?.bold).toBe(true);
  });

  it('prints on A4 landscape, one page wide, the header rows on every page, money columns wide enough for tens of millions', async () => {
    const workbook = await load(await writeSummaryWorkbook(inviteDaily, summary));
    const sheet = workbook.getWorksheet('汇总 2026-12-01')!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:4' });
    expect(sheet.getColumn('G').width).toBeGreaterThanOrEqual('9,999,999,999.99'.length);
  });

  it('writes a text that looks like a formula as a plain string in a text-formatted cell', async () => {
    const workbook = await load(await writeSummaryWorkbook(inviteDaily, summary, submissions));
    const summarySheet = workbook.getWorksheet('汇总 2026-12-01')!;
    const name = summarySheet.getCell('C7');
    expect(name.value).toBe('=HYPERLINK("http://x","网点")');
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.numFmt).toBe('@');
    const remark = workbook.getWorksheet('明细 2026-12-01')!.getCell('W8');
    expect(remark.value).toBe('=1+2');
    expect(remark.type).toBe(ExcelJS.ValueType.String);
    expect(remark.numFmt).toBe('@');
  });

  it('adds the outlets rows when given, phone numbers masked and dates as dates', async () => {
    const workbook = await load(await writeSummaryWorkbook(inviteDaily, summary, submissions));
    const sheet = workbook.getWorksheet('明细 2026-12-01')!;
    expect(rowValues(sheet, 4).slice(0, 6)).toEqual(['网点代码', '网点名称', '行号', '序号', '客户姓名', '联系电话']);
    expect(rowValues(sheet, 5).slice(0, 6)).toEqual(['3301001', '城东支行营业部', 5, undefined, '客户5', '138****8000']);
    expect(sheet.getCell('P5').value).toEqual(new Date(Date.UTC(2026, 11, 8)));
    expect(sheet.getCell('P5').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('R5').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('E8').value).toBe('客户7');
    expect(sheet.getCell('E9').value).toBeNull();
    const allText = JSON.stringify(sheet.getSheetValues());
    expect(allText).not.toContain('13800138000');
  });

  it('leaves the rows sheet out when no rows are given', async () => {
    const workbook = await load(await writeSummaryWorkbook(inviteDaily, summary));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总 2026-12-01']);
  });

  it('shows the second ranking of a template beside the first (活动追踪 by 产出保费)', async () => {
    const activitySummary = summariseSubmissions(
      activityTracking,
      organisation,
      [
        { unit: '3301001', period: '2026-12', rows: [{ rowNumber: 5, values: { B: '观影', N: 1000, P: 50000 } }] },
        { unit: '3301002', period: '2026-12', rows: [{ rowNumber: 5, values: { B: '讲座', N: 100, P: 20000 } }] },
      ],
      { from: '2026-12', to: '2026-12' },
    );
    const workbook = await load(await writeSummaryWorkbook(activityTracking, activitySummary));
    const sheet = workbook.getWorksheet('汇总 2026-12')!;
    expect(rowValues(sheet, 4).slice(0, 4)).toEqual(['排名', '产出保费排名', '职场/网点代码', '职场/网点名称']);
    expect(rowValues(sheet, 5).slice(0, 3)).toEqual([1, 2, '3301002']);
    expect(rowValues(sheet, 6).slice(0, 3)).toEqual([2, 1, '3301001']);
  });
});
