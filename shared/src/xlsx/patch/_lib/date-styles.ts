/**
 * The cell styles (`cellXfs` of styles.xml) seen from a date fix: which style shows a date, and a
 * date style that looks like a given one. A style is added only when none fits; styles.xml then
 * gains one `<xf>` (and one `<numFmt>` when it had no yyyy-mm-dd), appended so no index moves.
 */
import { attributeOf, escapeXmlAttribute, withAttribute } from './xml-text';

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30, and the CJK date ids 27–36, 50–58). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
/** Custom number formats start at this id. */
const FIRST_CUSTOM_FORMAT = 164;
const XF = /<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g;

/** True when a number format code shows a date: y or d outside quoted text, escapes and [colour]/[$-…] sections. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[yd]/i.test(bare);
}

export class DateStyles {
  private readonly xfs: string[];
  private readonly formats = new Map<number, string>();
  private readonly added: { xfs: string[]; formats: { id: number; code: string }[] } = { xfs: [], formats: [] };

  constructor(private readonly xml: string) {
    const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
    this.xfs = cellXfs ? [...cellXfs[1].matchAll(XF)].map((m) => m[0]) : [];
    for (const numFmt of xml.matchAll(/<numFmt\b[^>]*>/g)) {
      const id = Number(attributeOf(numFmt[0], 'numFmtId'));
      const code = attributeOf(numFmt[0], 'formatCode');
      if (Number.isInteger(id) && code !== undefined) this.formats.set(id, code);
    }
  }

  /** True when the style at `index` shows its number as a date. */
  isDateStyle(index: number | undefined): boolean {
    const xf = this.allXfs()[index ?? 0];
    if (xf === undefined) return false;
    const id = Number(attributeOf(xf, 'numFmtId') ?? 0);
    const code = this.formats.get(id) ?? this.added.formats.find((f) => f.id === id)?.code;
    return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id);
  }

  /**
   * A style that shows a date and is otherwise the style at `index` (font, fill, border, alignment,
   * protection): an existing one when there is such, else one added with the format `dateFormat`.
   */
  dateStyleLike(index: number | undefined, dateFormat: string): number {
    const xfs = this.allXfs();
    const base = xfs[index ?? 0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const key = withoutNumberFormat(base);
    const found = xfs.findIndex((xf, i) => this.isDateStyle(i) && withoutNumberFormat(xf) === key);
    if (found >= 0) return found;
    const formatId = this.formatIdOf(dateFormat);
    this.added.xfs.push(withAttribute(withAttribute(base, 'numFmtId', String(formatId)), 'applyNumberFormat', '1'));
    return xfs.length;
  }

  /** True when a style or a number format was added. */
  get changed(): boolean {
    return this.added.xfs.length > 0;
  }

  /** styles.xml with the added styles and number formats, counts brought up to date. */
  toXml(): string {
    if (!this.changed) return this.xml;
    let xml = this.xml;
    if (this.added.formats.length > 0) {
      const elements = this.added.formats.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXmlAttribute(f.code)}"/>`).join('');
      const numFmts = /<numFmts\b[^>]*?(\/?)>/.exec(xml);
      if (numFmts && numFmts[1] === '') {
        const close = xml.indexOf('</numFmts>', numFmts.index);
        const tag = withAttribute(numFmts[0], 'count', String(this.formats.size + this.added.formats.length));
        xml = xml.slice(0, numFmts.index) + tag + xml.slice(numFmts.index + numFmts[0].length, close) + elements + xml.slice(close);
      } else {
        const replaced = numFmts ? numFmts[0] : '';
        const block = `<numFmts count="${this.added.formats.length}">${elements}</numFmts>`;
        // numFmts is the first child of styleSheet.
        xml = numFmts ? xml.replace(replaced, block) : xml.replace(/(<styleSheet\b[^>]*>)/, `$1${block}`);
      }
    }
    const cellXfs = /<cellXfs\b[^>]*>/.exec(xml);
    if (!cellXfs) {
      return xml.replace(/(<\/cellStyleXfs>|<\/borders>)/, `$1<cellXfs count="${this.added.xfs.length}">${this.added.xfs.join('')}</cellXfs>`);
    }
    const close = xml.indexOf('</cellXfs>', cellXfs.index);
    const tag = withAttribute(cellXfs[0], 'count', String(this.xfs.length + this.added.xfs.length));
    return xml.slice(0, cellXfs.index) + tag + xml.slice(cellXfs.index + cellXfs[0].length, close) + this.added.xfs.join('') + xml.slice(close);
  }

  private allXfs(): string[] {
    return this.added.xfs.length > 0 ? [...this.xfs, ...this.added.xfs] : this.xfs;
  }

  private formatIdOf(code: string): number {
    for (const [id, existing] of this.formats) if (existing.toLowerCase() === code.toLowerCase()) return id;
    const addedFormat = this.added.formats.find((f) => f.code === code);
    if (addedFormat) return addedFormat.id;
    const id = Math.max(FIRST_CUSTOM_FORMAT - 1, ...this.formats.keys(), ...this.added.formats.map((f) => f.id)) + 1;
    this.added.formats.push({ id, code });
    return id;
  }
}

function withoutNumberFormat(xf: string): string {
  return xf.replace(/\s(?:numFmtId|applyNumberFormat)\s*=\s*"[^"]*"/g, '');
}
