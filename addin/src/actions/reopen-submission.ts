/**
 * Reopening a stored submission: the outlet's sheet of a period, fetched from the server and written back into
 * the workbook as a template sheet, header block and rows filled.
 */
import type { TemplateSpec } from '#shared/spec/schema';
import type { ApiClient } from '../api/api-client';
import type { SignedInUser } from '../api/types';
import { failureNotice, type NoticeMessage } from '../components/Notice';
import type { WorkbookHost } from '../excel/workbook-host';
import { bothLanguages, monthLabel, translate } from '../i18n/messages';
import { planTemplateSheet } from '../sheets/plan-template-sheet';
import { periodOf, storedSubmissionContent, templateHeader } from './template-header';

export interface ReopenSubmissionOptions {
  host: WorkbookHost;
  api: ApiClient;
  spec: TemplateSpec;
  /** An outlet head: the outlet whose submission is reopened. */
  user: SignedInUser & { outlet: string };
  /** A day of the period to reopen. */
  day: string;
}

export async function reopenSubmission({ host, api, spec, user, day }: ReopenSubmissionOptions): Promise<NoticeMessage> {
  const period = periodOf(spec, day);
  const stored = await api.getSubmission(user.outlet, spec.id, period);
  if (!stored.ok && stored.status === 404) return { intent: 'info', ...noStoredSubmission(spec, user.outlet, period) };
  if (!stored.ok) return failureNotice(stored);
  const content = storedSubmissionContent(spec, stored.value ?? {});
  if (!content) return { intent: 'error', ...bothLanguages('storedSubmissionUnreadable') };
  const plan = planTemplateSheet(spec, { header: { ...templateHeader(spec, user, day), ...content.header }, rows: content.rows });
  const result = await host.insertTemplateSheet(plan);
  return result.ok ? { intent: 'success', ...bothLanguages('reopened', { period, sheet: result.value.sheetName }) } : failureNotice(result);
}

/** A month is named as each language names it (2026年12月, December 2026); a day stays ISO. */
function noStoredSubmission(spec: TemplateSpec, outlet: string, period: string): { message_zh: string; message_en: string } {
  const slots = (language: 'zh' | 'en') => ({ outlet, title: spec.title, period: spec.period === 'month' ? monthLabel(language, period) : period });
  return { message_zh: translate('zh', 'noStoredSubmission', slots('zh')), message_en: translate('en', 'noStoredSubmission', slots('en')) };
}
