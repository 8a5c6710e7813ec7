import JSZip from 'jszip';
import type { Organisation } from '#shared/org/schema';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { createTemplateRegistry } from '#shared/spec/template-registry';
import { validateWorkbook } from '#shared/validation/validate-workbook';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { writeTemplateWorkbook } from '#shared/xlsx/write-template-workbook';
import { convertWithLibreOffice } from './_lib/convert-with-libreoffice';
import { fillTemplate } from './_lib/fill-template';

// LibreOffice Calc (Debian's libreoffice-calc-nogui) opens each workbook headless and saves it as .xlsx again.
jest.setTimeout(120_000);

const [inviteDaily, activityTracking] = builtinTemplates;
const registry = createTemplateRegistry(builtinTemplates);
const organisation: Organisation = {
  code: '3301',
  name: '城东支行',
  outlets: [{ code: '3301001', name: '城东支行营业部' }],
  campaign: { from: '2026-12-01', to: '2026-12-07', saleDays: ['2026-12-08', '2026-12-09', '2026-12-10'] },
  targets: {},
  deadline: '20:00',
};

/** 2026-12-08 and 2026-12-09 as Excel serials, typed into the date-formatted 预约到场日期 column. */
const DEC_8 = 46364;
const DEC_9 = 46365;

async function partText(bytes: Uint8Array, path: string): Promise<string | undefined> {
  return (await JSZip.loadAsync(bytes)).file(path)?.async('string');
}

function flatFindings(bytes: Uint8Array): Promise<[string, string, string, string | number | null][]> {
  return readWorkbook(bytes).then((workbook) =>
    validateWorkbook(workbook, registry, { asOf: '2026-12-01', organisation }).findings.map((f) => [f.address, f.code, f.severity, f.fix]),
  );
}

describe('a template round trip through LibreOffice Calc', () => {
  it('keeps the identity and every computed column formula of a blank template, which still validates as that template', async () => {
    // Prepare
    const issued = await writeTemplateWorkbook(activityTracking);
    // Act
    const saved = await convertWithLibreOffice(issued);
    // Assess
    const workbook = await readWorkbook(saved);
    expect(workbook.identities).toEqual([{ sheetName: '活动追踪', id: 'activity-tracking', version: 1 }]);
    const formulas = workbook.sheets.find((s) => s.sheetName === '活动追踪')!.formulas!;
    expect(formulas[2].filter(Boolean)).toEqual(['COUNTA(B5:B504)', 'SUM(J5:J504)', 'SUM(N5:N504)', 'SUM(P5:P504)']);
    for (let row = 5; row <= 504; row++) expect(formulas[row - 1][16]).toBe(`IF(N${row}>0,P${row}/N${row},"")`);
    // The meta sheet stays hidden (LibreOffice has no very-hidden state and saves it as hidden).
    expect(await partText(saved, 'xl/workbook.xml')).toMatch(/<sheet name="_pts_meta"[^>]*state="(hidden|veryHidden)"/);
    const validation = validateWorkbook(workbook, registry, { asOf: '2026-12-01', organisation });
    expect(validation.template).toEqual({ id: 'activity-tracking', version: 1 });
    expect(validation.findings.map((f) => f.code)).not.toContain('computed-cell-overwritten');
    expect(validation.findings.map((f) => f.code)).not.toContain('template-identity-missing');
  });

  it('reads a filled sheet saved by LibreOffice (shared strings, dates as serials with a date format) with the same findings', async () => {
    // Prepare: a filled sheet whose texts are inline strings, with one enum error and three fixable values.
    const filled = await fillTemplate(inviteDaily, {
      header: { subBranch: '3301', outlet: '3301001', reportDate: '2026-12-01', submitter: '张三' },
      inlineStrings: true,
      rows: [
        { A: 1, B: '王五', C: '13800138000', D: '存量客户', E: '高端客户', F: 120, G: '保险到期', H: 45, I: '电话', J: '李四', K: '是', L: '是', M: DEC_8, O: 1000000, P: 300000 },
        { A: 2, B: '赵六', D: '流量客户', E: '中端客户', F: 30, I: '面谈', J: '李四', K: '否' },
        { A: 3, B: '钱七', C: '+86 139-0013-9000', D: '客户经理积累', E: '普通客户', F: 25, I: '短信', J: '周八', K: 'Y', M: DEC_9, O: '1.5万' },
      ],
    });
    const filledSheet = await partText(filled, 'xl/worksheets/sheet1.xml');
    expect(filledSheet).toMatch(/<c r="B5"[^>]*t="inlineStr"/);

    // Act
    const saved = await convertWithLibreOffice(filled);

    // Assess: LibreOffice wrote shared strings and date serials in date-formatted cells.
    const savedSheet = (await partText(saved, 'xl/worksheets/sheet1.xml'))!;
    expect(savedSheet).toMatch(/<c r="B5"[^>]*t="s"/);
    expect(savedSheet).toMatch(new RegExp(`<c r="M5" s="\\d+" t="n"><v>${DEC_8}</v>`));
    const expected = [
      ['邀约明细!E6', 'enum-error', 'error', null],
      ['邀约明细!C7', 'type-error', 'warning', '13900139000'],
      ['邀约明细!K7', 'type-error', 'warning', '是'],
      ['邀约明细!O7', 'type-error', 'warning', 15000],
    ];
    expect(await flatFindings(filled)).toEqual(expected);
    expect(await flatFindings(saved)).toEqual(expected);

    const workbook = await readWorkbook(saved);
    expect(workbook.identities).toEqual([{ sheetName: '邀约明细', id: 'invite-daily', version: 1 }]);
    const sheet = workbook.sheets.find((s) => s.sheetName === '邀约明细')!;
    expect(sheet.formulas![2]).toEqual([null, 'COUNTA(B5:B504)', null, 'COUNTIF(K5:K504,"是")', null, 'COUNTIF(L5:L504,"是")', null, 'SUM(O5:O504)+SUM(P5:P504)']);
    // LibreOffice computed the formulas on the way: three names, one effective invitation, one big ticket.
    expect(sheet.values[2]).toEqual(['邀约人次', 3, '有效邀约', 1, '大单客户', 1, '预估保费合计(元)', 1300000]);
    expect(sheet.values[4][12]).toBe(DEC_8);
    expect(sheet.values[1][5]).toBe(46357);
  });
});
