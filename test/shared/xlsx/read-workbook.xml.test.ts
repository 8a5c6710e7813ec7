import { build } from 'esbuild';
import path from 'node:path';
import { deflatedPart, writeZip, type ZipPart } from '#bench/_lib/zip-bomb';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { parseCellAddress, plainCellAddress } from '#shared/xlsx/read/read-worksheet';
import { WorkbookReadError } from '#shared/xlsx/workbook-read-error';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A one-sheet workbook (sheet 表1) from hand-written parts, as writers other than ExcelJS lay them out. */
function workbookOf(sheetXml: string, options: { sharedStrings?: string; styles?: string; workbookPr?: string } = {}): Uint8Array {
  const rels = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/>`];
  const parts: ZipPart[] = [];
  if (options.sharedStrings) {
    rels.push(`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts.push(deflatedPart('xl/sharedStrings.xml', `<sst ${NS}>${options.sharedStrings}</sst>`));
  }
  if (options.styles) {
    rels.push(`<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>`);
    parts.push(deflatedPart('xl/styles.xml', `<styleSheet ${NS}>${options.styles}</styleSheet>`));
  }
  return writeZip([
    deflatedPart('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    deflatedPart('xl/workbook.xml', `<?xml version="1.0"?><workbook ${NS}>${options.workbookPr ?? ''}<sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    deflatedPart('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`),
    deflatedPart('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet ${NS}><sheetData>${sheetXml}</sheetData></worksheet>`),
    ...parts,
  ]);
}

describe('readWorkbook on XML other writers produce', () => {
  it('reads prefixed tags, cells and rows without references, comments and CDATA', async () => {
    // Prepare
    const xml = '<x:row><x:c t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><!-- a note --><row r="3"><c r="C3" t="str"><v><![CDATA[a<b]]></v></c></row>';
    // Act
    const grid = await readWorkbook(workbookOf(xml.replace('<x:row>', '<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')));
    // Assess
    expect(grid.sheets[0].values).toEqual([['甲', 2], [], [null, null, 'a<b']]);
  });

  it('decodes entities, character references and _xHHHH_ escapes, and leaves phonetic guides out', async () => {
    const sst = '<si><t>A &amp; B &#x4E2D;&#25991;</t></si><si><t>行一_x000D_</t></si><si><r><t>富</t></r><r><rPr><b/></rPr><t>士</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si><si/>';
    const xml = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="inlineStr"><is><r><t>内</t></r><r><t>联</t></r></is></c></row>';
    const grid = await readWorkbook(workbookOf(xml, { sharedStrings: sst }));
    expect(grid.sheets[0].values).toEqual([['A & B 中文', '行一\r', '富士', null, '内联']]);
  });

  it('turns ISO date cells and 1904-system dates into 1900-system serials', async () => {
    const styles = '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>';
    const xml = '<row r="1"><c r="A1" t="d"><v>2026-12-08T12:00:00</v></c><c r="B1" s="1"><v>44902</v></c><c r="C1" s="2"><v>44902</v></c><c r="D1"><v>44902</v></c></row>';
    const grid = await readWorkbook(workbookOf(xml, { styles, workbookPr: '<workbookPr date1904="true"/>' }));
    expect(grid.sheets[0].values).toEqual([[46364.5, 46364, 46364, 44902]]);
  });

  it('moves the references of a shared formula but not the text in its quotes', async () => {
    const xml =
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">IF(B1="B1",C$1&amp;\'D1\'!E1,SUM($F1:F2))</f><v>0</v></c></row>' +
      '<row r="3"><c r="A3"><f t="shared" si="0"/><v>0</v></c></row>';
    const grid = await readWorkbook(workbookOf(xml));
    expect(grid.sheets[0].formulas).toEqual([['IF(B1="B1",C$1&\'D1\'!E1,SUM($F1:F2))'], [], ['IF(B3="B1",C$1&\'D1\'!E3,SUM($F3:F4))']]);
  });

  it('reads a text longer than the inflater hands over at once', async () => {
    const long = '长'.repeat(150_000);
    const grid = await readWorkbook(workbookOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c></row>`));
    expect(grid.sheets[0].values[0][0]).toBe(long);
  });

  describe('edge cases', () => {
    it('refuses a cell beyond column XFD as corrupt rather than building a row of that length', async () => {
      const error = await readWorkbook(workbookOf('<row r="1"><c r="XFE1"><v>1</v></c></row>')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkbookReadError);
      expect((error as WorkbookReadError).code).toBe('corrupt');
    });

    it('refuses a worksheet whose XML is cut off as corrupt', async () => {
      const error = await readWorkbook(workbookOf('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"')).catch((e: unknown) => e);
      const unclosed = await readWorkbook(workbookOf('<row r="1"><c r="A1"><v>1</v></c>')).catch((e: unknown) => e);
      expect((unclosed as WorkbookReadError).code).toBe('corrupt');
      expect((error as WorkbookReadError).code).toBe('corrupt');
    });

    it('refuses a tag still open after 1 MB as corrupt, instead of carrying it from chunk to chunk', async () => {
      const error = await readWorkbook(workbookOf(`<row r="1"><c r="A1" s="${'1'.repeat(3 * 2 ** 20)}"><v>1</v></c></row>`)).catch((e: unknown) => e);
      expect((error as WorkbookReadError).code).toBe('corrupt');
      expect((error as Error).message).toContain('a tag longer than 1 MB');
    });

    it('reads cells after megabytes of blank text between elements (dropped as it comes, not carried)', async () => {
      const grid = await readWorkbook(workbookOf(`<row r="1"><c r="A1"><v>1</v></c></row>${' '.repeat(8 * 2 ** 20)}<row r="2"><c r="A2"><v>2</v></c></row>`));
      expect(grid.sheets[0].values).toEqual([[1], [2]]);
    });
  });
});

describe('the reader in a browser bundle', () => {
  it('bundles for the browser without Node built-ins, Buffer or ExcelJS', async () => {
    // Act
    const result = await build({
      stdin: { contents: "export { readWorkbook } from '#shared/xlsx/read-workbook';", resolveDir: path.join(__dirname, '..', '..', '..'), loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    // Assess
    const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs);
    const code = result.outputFiles[0].text;
    expect(inputs.map(([input]) => input).filter((input) => /exceljs|jszip|node:/.test(input))).toEqual([]);
    expect(code).not.toMatch(/\bBuffer\.|require\(/);
    // What the reader adds to the pane, which already bundles zod, the template specs and the findings: at most 60 KB.
    const added = inputs.filter(([input]) => !/node_modules\/zod\/|shared\/src\/(spec|findings)\//.test(input)).reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
    expect(added).toBeLessThan(60 * 1024);
  });
});

describe('cell references read from bytes', () => {
  it('reads plain references as parseCellAddress reads their text, and leaves every other form to it', () => {
    const encoder = new TextEncoder();
    const plain = ['A1', 'B7', 'XFD1048576', 'xfd12', 'AA100', 'A2000000', 'ABCDEFGH9'];
    const others = ['A0', 'A', '12', 'A1e3', ' A1', 'A 1', 'Ａ1', '$A$1', ''];
    for (const text of plain) {
      const bytes = encoder.encode(`"${text}"`);
      expect([text, plainCellAddress(bytes, 1, bytes.length - 1)]).toEqual([text, parseCellAddress(text)]);
    }
    for (const text of others) {
      const bytes = encoder.encode(text);
      expect([text, plainCellAddress(bytes, 0, bytes.length)]).toEqual([text, undefined]);
    }
  });
});
