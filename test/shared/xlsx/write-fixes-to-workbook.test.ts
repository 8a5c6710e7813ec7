import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Finding } from '#shared/findings/types';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { writeFixesToWorkbook } from '#shared/xlsx/write-fixes-to-workbook';
import { fillTemplate } from './_lib/fill-template';

const [inviteDaily] = builtinTemplates;

function fixAt(column: string, row: number, value: string | number, fix: string | number): Finding {
  return { code: 'type-error', severity: 'warning', address: `邀约明细!${column}${row}`, row, column, value, message_zh: '', message_en: '', fix };
}

describe('writeFixesToWorkbook', () => {
  it('writes numbers, texts and dates into the cells and keeps the rest of the workbook', async () => {
    // Prepare
    const filled = await fillTemplate(inviteDaily, {
      header: { reportDate: '2026-12-01' },
      rows: [{ B: '王五', K: 'Y', M: '2026年12月8日', O: '30万' }],
    });
    // Act
    const fixed = await writeFixesToWorkbook(filled, inviteDaily, [fixAt('K', 5, 'Y', '是'), fixAt('M', 5, '2026年12月8日', '2026-12-08'), fixAt('O', 5, '30万', 300000)]);
    // Assess
    const grid = await readWorkbook(fixed);
    expect(grid.identities).toEqual([{ sheetName: '邀约明细', id: 'invite-daily', version: 1 }]);
    const row = grid.sheets[0].values[4];
    expect([row[1], row[10], row[12], row[14]]).toEqual(['王五', '是', 46364, 300000]);
    expect(grid.sheets[0].formulas![2][1]).toBe('COUNTA(B5:B504)');
    const workbook = new ExcelJS.Workbook();
    // ExcelJS types its own Buffer; at run time it takes a Node Buffer.
    await workbook.xlsx.load(Buffer.from(fixed) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('邀约明细')!;
    expect(sheet.getCell('M5').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('O5').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('K4').font?.bold).toBe(true);
    expect(workbook.getWorksheet('_pts_meta')!.state).toBe('veryHidden');
  });

  it("writes a restored formula as a formula (the template's, for a typed-over total)", async () => {
    // Prepare: D3 有效邀约 typed over with 7.
    const filled = await fillTemplate(inviteDaily, { header: { reportDate: '2026-12-01' }, rows: [{ B: '王五', K: '是' }], cells: { D3: 7 } });
    const restore: Finding = {
      code: 'computed-cell-overwritten',
      severity: 'error',
      address: '邀约明细!D3',
      row: 3,
      column: 'D',
      value: 7,
      message_zh: '',
      message_en: '',
      fix: '=COUNTIF(K5:K504,"是")',
    };
    // Act
    const fixed = await writeFixesToWorkbook(filled, inviteDaily, [restore]);
    // Assess
    const grid = await readWorkbook(fixed);
    expect([grid.sheets[0].formulas![2][3], grid.sheets[0].values[2][3]]).toEqual(['COUNTIF(K5:K504,"是")', null]);
  });

  it('writes each drop-down back as one range, never as overlapping ones', async () => {
    const fixed = await writeFixesToWorkbook(await fillTemplate(inviteDaily, { rows: [{ K: 'Y' }] }), inviteDaily, [fixAt('K', 5, 'Y', '是')]);
    const xml = await (await JSZip.loadAsync(fixed)).file('xl/worksheets/sheet1.xml')!.async('string');
    const ranges = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(ranges).toEqual(['D5:D504', 'E5:E504', 'G5:G504', 'I5:I504', 'K5:K504', 'L5:L504', 'Q5:Q504']);
  });
});
