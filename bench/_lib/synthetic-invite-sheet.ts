import JSZip from 'jszip';
import type { TemplateSpec } from '#shared/spec/schema';
import { writeTemplateWorkbook } from '#shared/xlsx/write-template-workbook';

export type SyntheticValue = string | number | null;
export type SyntheticRow = Record<string, SyntheticValue>;

/** 2026-12-08 .. 2026-12-10 (the campaign's sale days) as Excel serials. */
const SALE_DAY_SERIALS = [46364, 46365, 46366];

/** A small deterministic generator (mulberry32), so every run measures the same sheet. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英';

/**
 * Rows as outlet staff type them into 邀约明细: mostly clean values; about 1 row in 20 with a value a
 * safe fix normalises (Y, 30万, a date as Chinese text, +86 and dashes in a phone) and about 1 in 40
 * with an error (a value outside a list, a phone number of 10 digits, 大单客户 for an ordinary customer).
 */
export function syntheticInviteRows(count: number, seed = 20261201): SyntheticRow[] {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const rows: SyntheticRow[] = [];
  for (let i = 0; i < count; i++) {
    const highEnd = random() < 0.2;
    const effective = random() < 0.3;
    const channel = pick(['短信', '电话', '面谈'] as const);
    const row: SyntheticRow = {
      A: i + 1,
      B: pick([...SURNAMES]) + pick([...GIVEN]) + (random() < 0.5 ? pick([...GIVEN]) : ''),
      C: channel === '面谈' && random() < 0.5 ? null : `1${String(3000000000 + Math.floor(random() * 6999999999)).padStart(10, '0')}`,
      D: pick(['存量客户', '流量客户', '客户经理积累']),
      E: highEnd ? '高端客户' : '普通客户',
      F: highEnd ? 100 + Math.floor(random() * 400) : 20 + Math.floor(random() * 80),
      G: pick(['保险到期', '定期到期', '无', null]),
      H: 30 + Math.floor(random() * 31),
      I: channel,
      J: pick(['李经理', '张经理', '王主任', '陈大堂']),
      K: effective ? '是' : '否',
      L: highEnd && random() < 0.3 ? '是' : null,
      M: effective ? pick(SALE_DAY_SERIALS) : null,
      N: random() < 0.3 ? pick(['年金险', '增额终身寿', '两全险']) : null,
      O: random() < 0.4 ? Math.round(random() * 500) * 1000 : null,
      P: random() < 0.3 ? Math.round(random() * 100) * 1000 : null,
      Q: null,
      R: null,
      S: null,
      T: random() < 0.1 ? '需再次电话确认' : null,
    };
    const twist = random();
    if (twist < 0.0125) row.K = effective ? 'Y' : 'N';
    else if (twist < 0.025) row.O = `${1 + Math.floor(random() * 50)}万`;
    else if (twist < 0.0375 && row.M !== null) row.M = `2026年12月${8 + Math.floor(random() * 3)}日`;
    else if (twist < 0.05 && row.C !== null) row.C = `+86 ${String(row.C).slice(0, 3)}-${String(row.C).slice(3, 7)}-${String(row.C).slice(7)}`;
    else if (twist < 0.0583) row.E = '中端客户';
    else if (twist < 0.0667 && row.C !== null) row.C = String(row.C).slice(0, 10);
    else if (twist < 0.075) {
      row.E = '普通客户';
      row.L = '是';
    }
    rows.push(row);
  }
  return rows;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]);

/**
 * The issued template (writeTemplateWorkbook) with the rows typed in from the first data row on, as
 * .xlsx bytes laid out the way Excel saves them: texts in the shared-string table, numbers and date
 * serials as numbers, every cell with its column's style. The rows are spliced into the sheet's XML
 * directly: ExcelJS needs about a minute to write 100,000 rows, this takes a few seconds.
 */
export async function writeSyntheticInviteWorkbook(spec: TemplateSpec, header: Record<string, string>, rows: readonly SyntheticRow[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await writeTemplateWorkbook(spec, { header }));
  const sheetPath = 'xl/worksheets/sheet1.xml';
  const sheetXml = await zip.file(sheetPath)!.async('string');
  const sharedXml = await zip.file('xl/sharedStrings.xml')!.async('string');

  const first = spec.firstDataRow;
  const styles = new Map([...sheetXml.matchAll(new RegExp(`<c r="([A-Z]+)${first}" s="(\\d+)"`, 'g'))].map((m) => [m[1], m[2]]));
  const strings = [...sharedXml.matchAll(/<si>[\s\S]*?<\/si>/g)].map((m) => m[0]);
  const stringIndex = new Map<string, number>();
  const sharedString = (text: string): number => {
    let index = stringIndex.get(text);
    if (index === undefined) {
      index = strings.push(`<si><t>${escapeXml(text)}</t></si>`) - 1;
      stringIndex.set(text, index);
    }
    return index;
  };
  let references = 0;

  const lastRow = first + Math.max(rows.length, spec.dataRows) - 1;
  const parts: string[] = [];
  for (let r = first; r <= lastRow; r++) {
    const row = rows[r - first];
    const cells: string[] = [];
    for (const column of spec.columns) {
      const ref = `${column.col}${r}`;
      const style = styles.get(column.col);
      const s = style ? ` s="${style}"` : '';
      const value = row?.[column.col] ?? null;
      if (value === null) {
        if (r < first + spec.dataRows) cells.push(`<c r="${ref}"${s}/>`);
      } else if (typeof value === 'number') {
        cells.push(`<c r="${ref}"${s}><v>${value}</v></c>`);
      } else {
        references++;
        cells.push(`<c r="${ref}"${s} t="s"><v>${sharedString(value)}</v></c>`);
      }
    }
    if (cells.length > 0) parts.push(`<row r="${r}" spans="1:${spec.columns.length}">${cells.join('')}</row>`);
  }

  const rowsStart = sheetXml.indexOf(`<row r="${first}"`);
  const rowsEnd = sheetXml.indexOf('</sheetData>');
  const lastCol = spec.columns[spec.columns.length - 1].col;
  const newSheet = (sheetXml.slice(0, rowsStart) + parts.join('') + sheetXml.slice(rowsEnd)).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${lastCol}${lastRow}"/>`);
  const previousReferences = Number(/<sst[^>]* count="(\d+)"/.exec(sharedXml)?.[1] ?? 0);
  const newShared = sharedXml.replace(
    /<sst([^>]*)>[\s\S]*<\/sst>/,
    (_all, attrs: string) =>
      `<sst${attrs.replace(/ count="\d+"/, ` count="${previousReferences + references}"`).replace(/ uniqueCount="\d+"/, ` uniqueCount="${strings.length}"`)}>${strings.join('')}</sst>`,
  );
  zip.file(sheetPath, newSheet);
  zip.file('xl/sharedStrings.xml', newShared);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
