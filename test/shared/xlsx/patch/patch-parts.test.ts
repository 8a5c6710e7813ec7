/**
 * The text edits of the patch writer on small parts: cells found or created in order (also in rows and
 * cells without `r`), cached results dropped, a date style reused or added to styles.xml.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateStyles } from '#shared/xlsx/patch/_lib/date-styles';
import { dropCachedResults, patchSheetCells, type CellPatch } from '#shared/xlsx/patch/_lib/patch-sheet-xml';

const sheet = (rows: string) => `<worksheet><sheetData>${rows}</sheetData><sheetProtection sheet="true"/></worksheet>`;
const write = (ref: string, text: string): CellPatch => ({ ref, element: (existing) => `<c r="${ref}"${existing?.style !== undefined ? ` s="${existing.style}"` : ''}><v>${text}</v></c>` });

describe('patchSheetCells', () => {
  it('replaces a cell where it stands, keeping its style, and leaves every other byte', () => {
    const xml = sheet('<row r="1"><c r="A1" s="3" t="s"><v>0</v></c><c r="B1" s="4"><v>1</v></c></row>');
    expect(patchSheetCells(xml, [write('A1', '9')])).toBe(sheet('<row r="1"><c r="A1" s="3"><v>9</v></c><c r="B1" s="4"><v>1</v></c></row>'));
  });

  it('creates absent cells and rows in order, before, between and after the existing ones', () => {
    const xml = sheet('<row r="2" spans="2:2"><c r="B2"><v>1</v></c></row><row r="5"/>');
    const patched = patchSheetCells(xml, [write('C2', 'c'), write('A2', 'a'), write('A1', 'x'), write('A5', 'y'), write('B3', 'z'), write('A9', 'w')]);
    expect(patched).toBe(
      sheet('<row r="1"><c r="A1"><v>x</v></c></row><row r="2"><c r="A2"><v>a</v></c><c r="B2"><v>1</v></c><c r="C2"><v>c</v></c></row><row r="3"><c r="B3"><v>z</v></c></row><row r="5"><c r="A5"><v>y</v></c></row><row r="9"><c r="A9"><v>w</v></c></row>'),
    );
  });

  it('counts rows and cells without r on from the one before, and fills an empty sheetData', () => {
    const xml = sheet('<row><c><v>1</v></c><c s="2"><v>2</v></c></row><row><c><v>3</v></c></row>');
    expect(patchSheetCells(xml, [write('B1', 'b'), write('A2', 'a')])).toBe(sheet('<row><c><v>1</v></c><c r="B1" s="2"><v>b</v></c></row><row><c r="A2"><v>a</v></c></row>'));
    expect(patchSheetCells('<worksheet><sheetData/></worksheet>', [write('B2', '1')])).toBe('<worksheet><sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData></worksheet>');
  });
});

describe('dropCachedResults', () => {
  it('drops the cached value of formula cells, shared formulas included, and keeps plain values', () => {
    const xml = '<c r="A1"><f>SUM(B1:B9)</f><v>3</v></c><c r="A2"><f t="shared" ref="A2:A3" si="0">B2</f><v>1</v></c><c r="A3"><f t="shared" si="0"/><v>2</v></c><c r="A4"><v>4</v></c>';
    expect(dropCachedResults(xml)).toBe('<c r="A1"><f>SUM(B1:B9)</f></c><c r="A2"><f t="shared" ref="A2:A3" si="0">B2</f></c><c r="A3"><f t="shared" si="0"/></c><c r="A4"><v>4</v></c>');
  });
});

describe('DateStyles', () => {
  const styles = (numFmts: string, xfs: string) => `<styleSheet>${numFmts}<fonts/><cellXfs count="${(xfs.match(/<xf\b/g) ?? []).length}">${xfs}</cellXfs></styleSheet>`;

  it('tells date styles by built-in id and by custom format code', () => {
    const dates = new DateStyles(styles('<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="#,##0.00&quot;day&quot;"/></numFmts>', '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="49"/>'));
    expect([0, 1, 2, 3, 4].map((i) => dates.isDateStyle(i))).toEqual([false, true, true, false, false]);
  });

  it('reuses a date style that is otherwise the same, else adds one (and a yyyy-mm-dd format) at the end', () => {
    const xml = styles('', '<xf numFmtId="49" fontId="1" borderId="1" applyNumberFormat="1"><protection locked="0"/></xf><xf numFmtId="0" fontId="2"/><xf numFmtId="14" fontId="2" applyNumberFormat="1"/>');
    const dates = new DateStyles(xml);
    expect(dates.dateStyleLike(1, 'yyyy-mm-dd')).toBe(2);
    expect(dates.changed).toBe(false);
    expect(dates.dateStyleLike(0, 'yyyy-mm-dd')).toBe(3);
    expect(dates.dateStyleLike(0, 'yyyy-mm-dd')).toBe(3);
    expect(dates.toXml()).toBe(
      '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts/><cellXfs count="4"><xf numFmtId="49" fontId="1" borderId="1" applyNumberFormat="1"><protection locked="0"/></xf><xf numFmtId="0" fontId="2"/><xf numFmtId="14" fontId="2" applyNumberFormat="1"/><xf numFmtId="164" fontId="1" borderId="1" applyNumberFormat="1"><protection locked="0"/></xf></cellXfs></styleSheet>',
    );
  });
});

describe('the patch writer in a browser', () => {
  it('uses no Node module and no Buffer, so the web page can run it', () => {
    const folder = join(__dirname, '..', '..', '..', '..', 'shared', 'src', 'xlsx', 'patch');
    const files = [...readdirSync(folder).map((f) => join(folder, f)), ...readdirSync(join(folder, '_lib')).map((f) => join(folder, '_lib', f))].filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(4);
    expect(files.filter((file) => /from 'node:|\bBuffer\.|\bBuffer\(|require\(/.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
});
