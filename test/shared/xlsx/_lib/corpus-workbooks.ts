/**
 * Workbooks for the reader's corpus test, made in the test: the product's templates, filled
 * templates (shared and inline strings, dates, fixable and wrong values), and one workbook that
 * holds every cell kind ExcelJS writes (rich text, hyperlinks, errors, booleans, dates in several
 * formats, plain and shared formulas, merged cells, empty rows, a cell in column XFD).
 */
import ExcelJS from 'exceljs';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { writeTemplateWorkbook } from '#shared/xlsx/write-template-workbook';
import { fillTemplate, type FillValue } from './fill-template';

export interface CorpusWorkbook {
  name: string;
  bytes: Uint8Array;
}

const [inviteDaily, activityTracking, salesEvaluation] = builtinTemplates;

/** 2026-12-08 and 2026-12-09. */
const DEC_8 = new Date(Date.UTC(2026, 11, 8));
const DEC_9 = 46365;

export function filledInviteRows(count: number): Record<string, FillValue>[] {
  const rows: Record<string, FillValue>[] = [];
  for (let i = 0; i < count; i++) {
    rows.push({
      A: i + 1,
      B: ['张三', '李四', '王五', '赵六'][i % 4],
      C: i % 3 === 0 ? '+86 138-0013-8000' : `1380013${String(8000 + i).padStart(4, '0')}`,
      D: ['存量客户', '流量客户', '客户经理积累', '中端客户'][i % 4],
      E: i % 5 === 0 ? '高端客户' : '普通客户',
      F: i % 7 === 0 ? '30万' : 25 + i,
      H: 30 + (i % 30),
      I: ['短信', '电话', '面谈'][i % 3],
      J: '李经理',
      K: i % 2 === 0 ? '是' : 'Y',
      L: i % 5 === 0 ? '是' : null,
      M: i % 2 === 0 ? (i % 4 === 0 ? DEC_8 : DEC_9) : i % 3 === 0 ? '2026年12月9日' : null,
      O: i % 6 === 0 ? 500000 : null,
      P: i % 6 === 0 ? '1.5万元' : null,
      T: i % 9 === 0 ? '备注 & <说明> "引号"' : null,
    });
  }
  return rows;
}

export const INVITE_HEADER = { subBranch: '3301', outlet: '3301001', reportDate: '2026-12-01', submitter: '王主任' };

export async function templateWorkbooks(): Promise<CorpusWorkbook[]> {
  const out: CorpusWorkbook[] = [];
  for (const spec of builtinTemplates) out.push({ name: `template ${spec.id}`, bytes: await writeTemplateWorkbook(spec) });
  out.push({ name: 'invite-daily filled, shared strings', bytes: await fillTemplate(inviteDaily, { header: INVITE_HEADER, rows: filledInviteRows(40) }) });
  out.push({
    name: 'invite-daily filled, inline strings',
    bytes: await fillTemplate(inviteDaily, { header: INVITE_HEADER, rows: filledInviteRows(25), inlineStrings: true }),
  });
  out.push({
    name: 'activity-tracking filled, a typed value over a formula',
    bytes: await fillTemplate(activityTracking, {
      header: { place: '3301001', month: '2026-12', submitter: '王主任' },
      rows: [{ A: 1, B: '观影活动', C: '获客', D: '观影', E: new Date(Date.UTC(2026, 11, 5)), F: '职场自办', G: '张三', H: 3, I: 40, J: 30, K: 5, L: 20, M: 5000, N: 5600, O: 2, P: 80000 }],
      cells: { Q5: 14.3 },
    }),
  });
  out.push({ name: 'sales-evaluation filled', bytes: await fillTemplate(salesEvaluation, { rows: [{ A: 1, B: '李四', C: '理财经理', D: 5, E: 4, F: 3, G: 5, H: '否', J: '是' }] }) });
  return out;
}

/** Every kind of cell ExcelJS writes, in one workbook of three sheets. */
export async function cellKindsWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('各种单元格');
  sheet.getCell('A1').value = '标题';
  sheet.mergeCells('A1:D2');
  sheet.getCell('A3').value = { richText: [{ text: '张', font: { bold: true } }, { text: '三' }, { text: ' & 李四', font: { italic: true } }] };
  sheet.getCell('B3').value = { text: '官网', hyperlink: 'https://example.com/' };
  sheet.getCell('C3').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  sheet.getCell('D3').value = true;
  sheet.getCell('E3').value = false;
  sheet.getCell('A4').value = new Date(Date.UTC(2026, 11, 8));
  sheet.getCell('A4').numFmt = 'yyyy-mm-dd';
  sheet.getCell('B4').value = new Date(Date.UTC(2026, 11, 8, 14, 30, 15, 250));
  sheet.getCell('B4').numFmt = 'yyyy-mm-dd hh:mm:ss';
  sheet.getCell('C4').value = 46364.123456789;
  sheet.getCell('C4').numFmt = 'yyyy"年"m"月"d"日"';
  sheet.getCell('D4').value = 46364.123456789;
  sheet.getCell('D4').numFmt = '#,##0.00';
  sheet.getCell('E4').value = 0.5;
  sheet.getCell('E4').numFmt = 'h:mm';
  sheet.getCell('F4').value = 12;
  sheet.getCell('F4').numFmt = '0"天"';
  sheet.getCell('G4').value = 1e-7;
  sheet.getCell('H4').value = -123456789.125;
  sheet.getCell('I4').value = '  前后有空格  ';
  sheet.getCell('J4').value = '';
  sheet.getCell('K4').value = '第一行\n第二行';
  for (let r = 5; r <= 9; r++) sheet.getCell(`A${r}`).value = r;
  // ExcelJS's typings omit shareType/ref, which its writer honours.
  sheet.getCell('B5').value = { formula: 'A5*2+$A$5', result: 15, shareType: 'shared', ref: 'B5:B9' } as ExcelJS.CellFormulaValue;
  for (let r = 6; r <= 9; r++) sheet.getCell(`B${r}`).value = { sharedFormula: 'B5', result: r * 2 + 5 };
  sheet.getCell('C5').value = { formula: 'SUM(A5:A9)', result: 35 };
  sheet.getCell('C6').value = { formula: 'IF(A6>5,"大","小")', result: '大' };
  sheet.getCell('C7').value = { formula: 'A7>6', result: true };
  sheet.getCell('C8').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  sheet.getCell('C9').value = { formula: 'TODAY()', date1904: false };
  sheet.getCell('D5').value = { formula: 'DATE(2026,12,8)', result: new Date(Date.UTC(2026, 11, 8)) };
  sheet.getCell('D5').numFmt = 'yyyy-mm-dd';
  // Rows 10-14 stay empty; a styled empty cell in row 12.
  sheet.getCell('C12').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  sheet.getCell('A15').value = '空行之后';
  sheet.getCell('B16').value = 'merged';
  sheet.mergeCells('B16:C17');

  const wide = workbook.addWorksheet('XFD');
  wide.getCell('A1').value = 'first';
  wide.getCell('XFD1').value = 'last column';
  wide.getCell('XFD3').value = 16384;

  const meta = workbook.addWorksheet('_pts_meta', { state: 'veryHidden' });
  meta.addRow(['各种单元格', 'invite-daily', 1]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
