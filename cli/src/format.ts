import type { Finding } from '#shared/findings/types';
import type { SummaryColumn, TemplateSpec } from '#shared/spec/schema';
import type { ConsolidatedSummary } from '#shared/summary/consolidated-summary';
import { rejectedFileNote } from '#shared/summary/rejected-file-note';

/** A finding as a compiler-style line: `FILE 邀约明细!K12 error enum-error message_zh (message_en)`. */
export function formatFindingLine(file: string, finding: Finding): string {
  return `${file} ${finding.address} ${finding.severity} ${finding.code} ${finding.message_zh} (${finding.message_en})`;
}

/** Display columns a finding may take before it is wrapped, when the output is no terminal. */
export const FINDING_WIDTH = 120;

/** The terminal's width (at least 60 columns) when stdout is one, else FINDING_WIDTH. */
export function findingWidth(): number {
  return process.stdout.isTTY && process.stdout.columns ? Math.max(60, process.stdout.columns) : FINDING_WIDTH;
}
const CONTINUATION = '    ';

/**
 * A finding for people: the compiler-style line when it fits in `width` display columns; else the
 * head and the Chinese message, then the English one, each wrapped to `width`, continuation lines
 * indented. The first line always starts `FILE ADDRESS SEVERITY CODE`, so grep still finds it.
 */
export function formatFindingLines(file: string, finding: Finding, width: number = FINDING_WIDTH): string[] {
  const line = formatFindingLine(file, finding);
  if (displayWidth(line) <= width) return [line];
  const head = `${file} ${finding.address} ${finding.severity} ${finding.code} `;
  return [...wrapText(head + finding.message_zh, width, ''), ...wrapText(`(${finding.message_en})`, width, CONTINUATION)];
}

/** Whether a code point is white space as JavaScript's `\s` and `trim` see it. */
function isWhitespace(code: number): boolean {
  return (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Greedy wrapping to `width` display columns: breaks after a space or a wide (CJK) character, or
 * inside a word longer than a line; every line but the first gets `indent` (the first too when it is not '').
 * Linear in the text and without a string per character, so that thousands of findings print in a
 * few milliseconds: the line's width, its length in characters and whether it holds anything but
 * white space are kept as it grows.
 */
export function wrapText(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = indent;
  let lineWidth = displayWidth(indent);
  let lineChars = [...indent].length;
  let lineIsBlank = !/\S/.test(indent);
  /** Where the line may break: after its last space or wide character, in code units and in characters. */
  let lastBreak = -1;
  let lastBreakChars = -1;
  const startContinuation = (rest: string) => {
    line = CONTINUATION + rest;
    lineWidth = displayWidth(line);
    lineChars = [...line].length;
    lineIsBlank = !/\S/.test(rest);
    lastBreak = -1;
    lastBreakChars = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    const char = code > 0xffff ? text.slice(i, ++i + 1) : text[i];
    const charWidth = codePointWidth(code);
    if (lineWidth + charWidth > width && !lineIsBlank && code === 0x20) {
      // The line is full just before a space: break there.
      lines.push(line.trimEnd());
      startContinuation('');
      continue;
    }
    if (lineWidth + charWidth > width && !lineIsBlank) {
      const cut = lastBreakChars > CONTINUATION.length ? lastBreak : line.length;
      lines.push(line.slice(0, cut).trimEnd());
      startContinuation(line.slice(cut).trimStart());
    }
    if (code === 0x20 && lineIsBlank) continue;
    line += char;
    lineWidth += charWidth;
    lineChars++;
    if (!isWhitespace(code)) lineIsBlank = false;
    if (code === 0x20 || charWidth === 2) {
      lastBreak = line.length;
      lastBreakChars = lineChars;
    }
  }
  if (!lineIsBlank) lines.push(line.trimEnd());
  return lines;
}

/** Counts by severity, as one line in both languages. */
export function formatFindingCounts(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const notices = findings.filter((f) => f.severity === 'notice').length;
  return `${errors} 个错误，${warnings} 个警告，${notices} 条提示 / ${errors} error(s), ${warnings} warning(s), ${notices} notice(s)`;
}

/** Columns a code point takes in a terminal: CJK and full-width characters take two. */
function codePointWidth(code: number): number {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000 ? 2 : 1;
}

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  // By index rather than for…of: no string is built per character (a surrogate pair counts once).
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    if (code > 0xffff) i++;
    width += codePointWidth(code);
  }
  return width;
}

function pad(text: string, width: number, alignRight: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return alignRight ? fill + text : text + fill;
}

/** A plain-text table; numeric columns (all cells numbers or empty) are right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly boolean[]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) => cells.map((c, i) => pad(c ?? '', widths[i], rightAligned[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const moneyFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A summary value as people read it: counts whole, money with two decimals, rates as percentages. */
export function formatSummaryValue(spec: TemplateSpec, column: SummaryColumn, value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  switch (column.agg) {
    case 'count':
    case 'count-equal':
      return integerFormat.format(value);
    case 'sum':
      return column.columns.some((col) => spec.columns.find((c) => c.col === col)?.type === 'money') ? moneyFormat.format(value) : String(value);
    case 'share':
    case 'target-rate':
      return `${(value * 100).toFixed(2)}%`;
    default:
      return value.toFixed(2);
  }
}

/** The consolidated summary as a terminal table: ranked lines, 有错误 lines (files with errors), 未报送 lines, the total line. */
export function formatSummaryTable(spec: TemplateSpec, summary: ConsolidatedSummary): string {
  const columns = spec.summary.columns;
  const alsoRanks = spec.summary.alsoRankBy;
  const header = ['排名', ...alsoRanks.map((l) => `${l}排名`), '代码', '名称', ...columns.map((c) => c.label), '备注'];
  const rows: string[][] = [
    ...summary.outlets.map((line) => [
      line.rank === null ? '' : String(line.rank),
      ...alsoRanks.map((l) => (line.ranks?.[l] == null ? '' : String(line.ranks[l]))),
      line.outlet,
      line.outletName,
      ...columns.map((c) => formatSummaryValue(spec, c, line.values[c.label])),
      line.unlisted ? '不在机构名单' : '',
    ]),
    ...(summary.rejected ?? []).map((r) => ['', ...alsoRanks.map(() => ''), r.outlet, r.outletName, ...columns.map(() => ''), rejectedFileNote(r.errors)]),
    ...summary.missing.map((m) => ['', ...alsoRanks.map(() => ''), m.outlet, m.outletName, ...columns.map(() => ''), '未报送']),
    ['合计', ...alsoRanks.map(() => ''), summary.subBranch, '支行合计', ...columns.map((c) => formatSummaryValue(spec, c, summary.total[c.label])), ''],
  ];
  const right = header.map((_, i) => i < 1 + alsoRanks.length || (i >= 3 + alsoRanks.length && i < header.length - 1));
  const period = summary.from === summary.to ? summary.from : `${summary.from} 至 ${summary.to}`;
  const title = `${spec.title}汇总  支行 ${summary.subBranch}  ${period}  ${summary.ranking === 'dense' ? '中国式排名' : 'RANK.EQ'}`;
  return `${title}\n${formatTable(header, rows, right)}`;
}
