/**
 * The header block of a new or reopened template sheet: 支行, 网点 and 填报人 from the signed-in user,
 * the period (填报日期, 填报月份) given; and the rows of a stored submission as the API returns them.
 */
import type { CellValue } from '#shared/grid/types';
import type { TemplateSpec } from '#shared/spec/schema';
import type { TypedRow } from '#shared/validation/types';
import type { SignedInUser } from '../api/types';
import { columnNumber } from '../sheets/addresses';

export function templateHeader(spec: TemplateSpec, user: SignedInUser, day: string): Record<string, string | number> {
  const header: Record<string, string | number> = {};
  for (const field of spec.headerFields) {
    if (field.role === 'subBranch' && user.subBranch) header[field.key] = user.subBranch;
    else if (field.role === 'unit' && user.outlet) header[field.key] = user.outlet;
    else if (field.role === 'submitter' && user.name) header[field.key] = user.name;
    else if (field.role === 'period') header[field.key] = spec.period === 'month' ? day.slice(0, 7) : day;
  }
  return header;
}

/** The period of a template for a day: the day itself, or its month for monthly templates. */
export function periodOf(spec: TemplateSpec, day: string): string {
  return spec.period === 'month' ? day.slice(0, 7) : day;
}

function isTypedRow(value: unknown): value is TypedRow {
  return typeof value === 'object' && value !== null && 'values' in value && typeof (value as TypedRow).values === 'object';
}

/**
 * Header and rows of a stored submission (GET /submissions/...: `{ submission, findings, rows }`): the typed rows,
 * with the header when the answer has one; or a submitted grid (`workbook.sheets` / `sheets`) to take the rows from.
 */
export function storedSubmissionContent(
  spec: TemplateSpec,
  body: Record<string, unknown>,
): { header: Record<string, string | number>; rows: Record<string, CellValue>[] } | null {
  const source = (typeof body.submission === 'object' && body.submission !== null ? body.submission : body) as Record<string, unknown>;
  const header: Record<string, string | number> = {};
  if (typeof source.header === 'object' && source.header !== null) {
    for (const [key, value] of Object.entries(source.header as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number') header[key] = value;
    }
  }
  // The stored 填报人 (GET /submissions answers it as submitterName) stays: reopening does not make the reader its author.
  const submitterField = spec.headerFields.find((field) => field.role === 'submitter');
  if (submitterField && typeof source.submitterName === 'string' && source.submitterName !== '') header[submitterField.key] ??= source.submitterName;
  const typedRows = Array.isArray(body.rows) ? body.rows : source.rows;
  if (Array.isArray(typedRows) && typedRows.every(isTypedRow)) {
    const rows = [...(typedRows as TypedRow[])].sort((a, b) => a.rowNumber - b.rowNumber).map((r) => ({ ...r.values }));
    return { header, rows };
  }
  const workbook = (source.workbook ?? source.grid ?? source) as { sheets?: { sheetName: string; values: CellValue[][] }[] };
  const sheet = workbook.sheets?.find((s) => s.sheetName === spec.sheetName) ?? workbook.sheets?.[0];
  if (!sheet) return null;
  for (const field of spec.headerFields) {
    const m = /^([A-Z]+)(\d+)$/.exec(field.valueCell);
    if (!m) continue;
    const value = sheet.values[Number(m[2]) - 1]?.[columnNumber(m[1]) - 1];
    if (typeof value === 'string' || typeof value === 'number') header[field.key] ??= value;
  }
  const rows: Record<string, CellValue>[] = [];
  for (let r = spec.firstDataRow - 1; r < sheet.values.length; r++) {
    const line = sheet.values[r] ?? [];
    const row: Record<string, CellValue> = {};
    for (const column of spec.columns) row[column.col] = line[columnNumber(column.col) - 1] ?? null;
    if (spec.columns.some((c) => !c.sequence && !c.formula && row[c.col] !== null && row[c.col] !== '')) rows.push(row);
  }
  return { header, rows };
}
