/** The chart parts added to the summary workbook's package, checked without LibreOffice (the LibreOffice test opens them). */
import { strFromU8, unzipSync } from 'fflate';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import type { ConsolidatedSummary } from '#shared/summary/consolidated-summary';
import { writeSummaryWorkbook } from '#shared/xlsx/write-summary-workbook';

const inviteDaily = builtinTemplates.find((s) => s.id === 'invite-daily')!;

const summary: ConsolidatedSummary = {
  template: 'invite-daily',
  subBranch: '3301',
  subBranchName: '城东支行',
  from: '2026-12-01',
  to: '2026-12-01',
  ranking: 'rank.eq',
  outlets: [
    { outlet: '3301002', outletName: "新华路<&>'网点", rank: 1, values: { 有效邀约: 16, 有效邀约达成率: 16 / 15 } },
    { outlet: '3301001', outletName: '营业部', rank: 2, values: { 有效邀约: 9, 有效邀约达成率: 0.6 } },
  ],
  missing: [{ outlet: '3301003', outletName: '解放路网点' }],
  total: { 有效邀约: 25, 有效邀约达成率: 25 / 45 },
};

describe('addChartToWorkbook (through writeSummaryWorkbook)', () => {
  it('adds chart, drawing, their relationships and content types, and the <drawing> of the summary sheet', async () => {
    // Act
    const files = unzipSync(await writeSummaryWorkbook(inviteDaily, summary));
    const text = (path: string) => strFromU8(files[path]);
    // Assess
    expect(text('[Content_Types].xml')).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(text('[Content_Types].xml')).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    expect(text('xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="../drawings/drawing1.xml"');
    expect(text('xl/drawings/_rels/drawing1.xml.rels')).toContain('Target="../charts/chart1.xml"');
    // <drawing> follows <pageSetup> and comes before the end of the sheet, as CT_Worksheet orders them.
    expect(text('xl/worksheets/sheet1.xml')).toMatch(/<pageSetup [^>]*\/><drawing r:id="rId\d+"\/><\/worksheet>$/);
    const chart = text('xl/charts/chart1.xml');
    expect(chart).toContain("<c:f>'汇总 2026-12-01'!$C$5:$C$6</c:f>");
    expect(chart).toContain("<c:f>'汇总 2026-12-01'!$L$5:$L$6</c:f>");
    expect(chart).toContain(`<c:pt idx="0"><c:v>新华路&lt;&amp;&gt;'网点</c:v></c:pt>`);
    expect(chart).toContain(`<c:pt idx="1"><c:v>0.6</c:v></c:pt>`);
    expect(chart).toContain('<c:ptCount val="2"/>');
  });

  it('writes no chart when no outlet is ranked', async () => {
    const files = unzipSync(await writeSummaryWorkbook(inviteDaily, { ...summary, outlets: [] }));
    expect(Object.keys(files).filter((path) => path.includes('chart') || path.includes('drawing'))).toEqual([]);
  });
});
