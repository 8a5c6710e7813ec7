/**
 * The header block of a new or reopened template sheet: 支行, 网点 and 填报人 from the signed-in user,
 * the period (填报日期, 填报月份) given; and the rows of a stored submission as the API returns them.
 */
import type { CellValue } from '#shared/grid/types';
import type { TemplateSpec } from '#shared/spec/schema';
import type { SubmissionView } from '#shared/api/submission-view';
import type { SignedInUser } from '../api/types';

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

/**
 * Header and rows of a stored submission for reopening it (GET /submissions/...: `{ submission, findings, rows }`,
 * the one shape the server sends): the typed rows in row order, and the stored 填报人 (`submitterName`), which
 * stays: reopening does not make the reader its author. The rest of the header is the signed-in user's (templateHeader).
 */
export function storedSubmissionContent(spec: TemplateSpec, view: SubmissionView): { header: Record<string, string | number>; rows: Record<string, CellValue>[] } {
  const header: Record<string, string | number> = {};
  const submitterField = spec.headerFields.find((field) => field.role === 'submitter');
  if (submitterField && view.submission.submitterName) header[submitterField.key] = view.submission.submitterName;
  const rows = [...view.rows].sort((a, b) => a.rowNumber - b.rowNumber).map((row) => ({ ...row.values }));
  return { header, rows };
}
