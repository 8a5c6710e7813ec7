/**
 * The patch writer of fixes: only the fixed cells change, in the fixed sheet's part; every other part
 * of the package is the same once inflated. ExcelJS reads the result as the oracle.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import type { Finding } from '#shared/findings/types';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { createTemplateRegistry } from '#shared/spec/template-registry';
import { applySafeFixes } from '#shared/validation/apply-safe-fixes';
import { validateWorkbook } from '#shared/validation/validate-workbook';
import { writeFixesToWorkbook } from '#shared/xlsx/patch/write-fixes-to-workbook';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { DEFAULT_WORKBOOK_READ_LIMITS } from '#shared/xlsx/workbook-limits';
import { WorkbookTooLargeError } from '#shared/xlsx/workbook-read-error';
import { fillTemplate } from '../_lib/fill-template';

const registry = createTemplateRegistry(builtinTemplates);
const inviteDaily = registry.current('invite-daily')!;
const SHEET = 'xl/worksheets/sheet1.xml';
const header = { subBranch: '3301', outlet: '3301001', submitter: '张三' };
const row = { B: '王五', C: '13800138000', D: '存量客户', E: '普通客户', F: 30, I: '电话', J: '李四', K: '是', M: 46364 };

/** What validate proposes and applySafeFixes applies, as `pts fix` does. */
async function safeFixesOf(bytes: Uint8Array): Promise<Finding[]> {
  const workbook = await readWorkbook(bytes);
  const validation = validateWorkbook(workbook, registry, { asOf: '2026-12-01' });
  return workbook.sheets.flatMap((sheet) => applySafeFixes(sheet, validation.findings).applied);
}

async function loadWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS types its own Buffer; at run time it takes a Node Buffer.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The workbook after `change` by ExcelJS (a cell's format changed, as a person might in Excel). */
async function changedWithExcelJs(bytes: Uint8Array, change: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = await loadWithExcelJs(bytes);
  change(workbook.getWorksheet(inviteDaily.sheetName)!);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Names of the zip entries whose inflated bytes differ, and whether both zips list the same entries in the same order. */
function differingParts(before: Uint8Array, after: Uint8Array): { sameOrder: boolean; differing: string[] } {
  const a = unzipSync(before);
  const b = unzipSync(after);
  const sameOrder = Object.keys(a).join('\n') === Object.keys(b).join('\n');
  const differing = Object.keys(a).filter((name) => !b[name] || Buffer.compare(Buffer.from(a[name]), Buffer.from(b[name])) !== 0).sort();
  return { sameOrder, differing };
}

/** The workbook with cell `ref` of the template sheet in the style of cell `like`. */
function withStyleOf(bytes: Uint8Array, ref: string, like: string): Uint8Array {
  const files = unzipSync(bytes);
  const xml = new TextDecoder().decode(files[SHEET]);
  const style = new RegExp(`<c r="${like}" s="(\\d+)"`).exec(xml)![1];
  files[SHEET] = new TextEncoder().encode(xml.replace(new RegExp(`<c r="${ref}" s="\\d+"`), `<c r="${ref}" s="${style}"`));
  return zipSync(files);
}

function part(bytes: Uint8Array, name: string): string {
  return new TextDecoder().decode(unzipSync(bytes)[name]);
}

function fixAt(cell: string, value: string | number, fix: string | number, code = 'type-error'): Finding {
  const [, column, r] = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { code, severity: 'warning', address: `邀约明细!${cell}`, row: Number(r), column, value, message_zh: '', message_en: '', fix };
}

describe('writeFixesToWorkbook (patch writer)', () => {
  it('changes only the fixed cells of the sheet part and the calculation flag; every other part stays byte for byte', async () => {
    // Prepare: F2 填报日期 typed as Chinese text; Y, a date as text, 30万 and a phone with +86 in row 5.
    const filled = await fillTemplate(inviteDaily, {
      header,
      cells: { F2: '2026年12月1日' },
      rows: [{ ...row, C: '+86 138-0013-8000', K: 'Y', M: '2026年12月8日', O: '30万' }],
    });
    const fixes = await safeFixesOf(filled);
    expect(fixes.map((f) => f.address).sort()).toEqual(['邀约明细!C5', '邀约明细!F2', '邀约明细!K5', '邀约明细!M5', '邀约明细!O5']);

    // Act
    const fixed = await writeFixesToWorkbook(filled, inviteDaily, fixes);

    // Assess: the package
    expect(differingParts(filled, fixed)).toEqual({ sameOrder: true, differing: ['xl/workbook.xml', SHEET] });
    expect(part(fixed, 'xl/workbook.xml')).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
    const xml = part(fixed, SHEET);
    expect(xml).toMatch(/<c r="K5"( s="\d+")? t="inlineStr"><is><t>是<\/t><\/is><\/c>/);
    expect(xml).toMatch(/<c r="F2" s="\d+"><v>46357<\/v><\/c>/);
    // Assess: the cells, as ExcelJS reads them
    const sheet = (await loadWithExcelJs(fixed)).getWorksheet('邀约明细')!;
    expect(['F2', 'C5', 'K5', 'M5', 'O5'].map((a) => sheet.getCell(a).value)).toEqual([
      new Date(Date.UTC(2026, 11, 1)), '13800138000', '是', new Date(Date.UTC(2026, 11, 8)), 300000,
    ]);
    expect(['F2', 'M5', 'O5'].map((a) => sheet.getCell(a).numFmt)).toEqual(['yyyy-mm-dd', 'yyyy-mm-dd', '#,##0.00']);
    // Assess: checked again, nothing is left to fix and nothing is wrong
    const again = validateWorkbook(await readWorkbook(fixed), registry, { asOf: '2026-12-01' });
    expect(again.findings.filter((f) => f.severity === 'error' || f.fix !== null)).toEqual([]);
  });

  it("writes a restored formula as <f> without a cached value, and drops the cached results of the sheet's other formulas", async () => {
    // Prepare: D3 有效邀约 typed over with 7; LibreOffice-like cached results on the other totals.
    const filled = await fillTemplate(inviteDaily, { header: { ...header, reportDate: '2026-12-01' }, rows: [row], cells: { D3: 7 } });
    const fixes = await safeFixesOf(filled);
    expect(fixes.map((f) => [f.address, f.fix])).toEqual([['邀约明细!D3', '=COUNTIF(K5:K504,"是")']]);
    // Act
    const fixed = await writeFixesToWorkbook(filled, inviteDaily, fixes);
    // Assess
    const xml = part(fixed, SHEET);
    expect(xml).toMatch(/<c r="D3"( s="\d+")?><f>COUNTIF\(K5:K504,&quot;是&quot;\)<\/f><\/c>|<c r="D3"( s="\d+")?><f>COUNTIF\(K5:K504,"是"\)<\/f><\/c>/);
    expect(xml).not.toMatch(/<\/f>\s*<v>/);
    const grid = await readWorkbook(fixed);
    expect([grid.sheets[0].formulas![2][3], grid.sheets[0].formulas![2][1]]).toEqual(['COUNTIF(K5:K504,"是")', 'COUNTA(B5:B504)']);
  });

  it('keeps a text fix that looks like a formula as text, escaped, and creates absent rows and cells in order', async () => {
    const filled = await fillTemplate(inviteDaily, { header: { ...header, reportDate: '2026-12-01' }, rows: [row] });
    // Act: N5 (absent: after M5, before the row's end), T700 (no such row), N600 between.
    const fixed = await writeFixesToWorkbook(filled, inviteDaily, [
      fixAt('N5', '＝1+1', '=HYPERLINK("http://x","<&>")'),
      fixAt('T700', 'x', ' 备注 '),
      fixAt('T5', 'x', '_x0041_'),
      fixAt('N600', 'x', 12.5),
    ]);
    // Assess
    const xml = part(fixed, SHEET);
    expect(xml).not.toMatch(/<f>HYPERLINK/);
    expect(xml).toMatch(/<c r="N5"( s="\d+")? t="inlineStr"><is><t>=HYPERLINK\("http:\/\/x","&lt;&amp;&gt;"\)<\/t><\/is><\/c>/);
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    const cells = [...xml.matchAll(/<row r="5"[^>]*>([\s\S]*?)<\/row>/g)][0][1].match(/<c r="([A-Z]+)5"/g)!.map((c) => c.slice(6, -2));
    expect(cells).toEqual([...cells].sort((a, b) => a.length - b.length || a.localeCompare(b)));
    const sheet = (await loadWithExcelJs(fixed)).getWorksheet('邀约明细')!;
    expect([sheet.getCell('N5').value, sheet.getCell('T700').value, sheet.getCell('N600').value, sheet.getCell('M5').value]).toEqual([
      '=HYPERLINK("http://x","<&>")', ' 备注 ', 12.5, new Date(Date.UTC(2026, 11, 8)),
    ]);
    // A literal _xHHHH_ is escaped as Excel reads it back (ECMA-376 ST_Xstring); ExcelJS does not decode either form.
    expect(xml).toMatch(/<c r="T5"( s="\d+")? t="inlineStr"><is><t>_x005F_x0041_<\/t><\/is><\/c>/);
    expect(xml).toContain('<t xml:space="preserve"> 备注 </t>');
  });

  describe('a date fix in a cell without a date format', () => {
    it("takes the date style of the column's other data cells, leaving styles.xml as it was", async () => {
      // M5 given N5's text style (ExcelJS shares one style object along a column, so the part is edited directly).
      const filled = withStyleOf(await fillTemplate(inviteDaily, { header: { ...header, reportDate: '2026-12-01' }, rows: [{ ...row, M: '2026年12月8日' }] }), 'M5', 'N5');
      expect(part(filled, SHEET)).not.toMatch(/<c r="M5" s="9"/);
      const fixed = await writeFixesToWorkbook(filled, inviteDaily, await safeFixesOf(filled));
      expect(differingParts(filled, fixed).differing).toEqual(['xl/workbook.xml', SHEET]);
      const sheet = (await loadWithExcelJs(fixed)).getWorksheet('邀约明细')!;
      expect([sheet.getCell('M5').value, sheet.getCell('M5').numFmt, sheet.getCell('M5').protection?.locked]).toEqual([new Date(Date.UTC(2026, 11, 8)), 'yyyy-mm-dd', false]);
    });

    it('adds one style to styles.xml for a header cell: its own style with a date format', async () => {
      const filled = await changedWithExcelJs(await fillTemplate(inviteDaily, { header, rows: [row] }), (sheet) => {
        sheet.getCell('F2').numFmt = '@';
        sheet.getCell('F2').value = '2026年12月1日';
      });
      const stylesBefore = part(filled, 'xl/styles.xml');
      const fixed = await writeFixesToWorkbook(filled, inviteDaily, await safeFixesOf(filled));
      expect(differingParts(filled, fixed).differing).toEqual(['xl/styles.xml', 'xl/workbook.xml', SHEET]);
      const stylesAfter = part(fixed, 'xl/styles.xml');
      const count = (xml: string) => Number(/<cellXfs count="(\d+)"/.exec(xml)![1]);
      expect(count(stylesAfter)).toBe(count(stylesBefore) + 1);
      const sheet = (await loadWithExcelJs(fixed)).getWorksheet('邀约明细')!;
      const f2 = sheet.getCell('F2');
      expect([f2.value, f2.numFmt, f2.protection?.locked, f2.border?.left?.style]).toEqual([new Date(Date.UTC(2026, 11, 1)), 'yyyy-mm-dd', false, 'thin']);
      const again = validateWorkbook(await readWorkbook(fixed), registry, { asOf: '2026-12-01' });
      expect(again.findings.filter((f) => f.address === '邀约明细!F2')).toEqual([]);
    });
  });

  describe('edge cases', () => {
    it('gives the same bytes back when there is no fix to write', async () => {
      const filled = await fillTemplate(inviteDaily, { header: { ...header, reportDate: '2026-12-01' }, rows: [row] });
      expect(await writeFixesToWorkbook(filled, inviteDaily, [])).toBe(filled);
    });

    it('stops at the unpacked-size and entry caps while inflating', async () => {
      const filled = await fillTemplate(inviteDaily, { header: { ...header, reportDate: '2026-12-01' }, rows: [{ ...row, K: 'Y' }] });
      const fixes = [fixAt('K5', 'Y', '是')];
      await expect(writeFixesToWorkbook(filled, inviteDaily, fixes, { ...DEFAULT_WORKBOOK_READ_LIMITS, maxUnpackedBytes: 20_000 })).rejects.toBeInstanceOf(WorkbookTooLargeError);
      await expect(writeFixesToWorkbook(filled, inviteDaily, fixes, { ...DEFAULT_WORKBOOK_READ_LIMITS, maxEntries: 3 })).rejects.toBeInstanceOf(WorkbookTooLargeError);
    });
  });
});
