/**
 * Submitting the active sheet: read and check it, send it (or queue it when the network or the server is away),
 * then look up the outlet's rank. The outlet pane only shows what this returns.
 */
import type { AcceptedSubmission } from '#shared/api/submission-answer';
import type { Finding } from '#shared/findings/types';
import type { Organisation } from '#shared/org/schema';
import type { TemplateRegistry } from '#shared/spec/template-registry';
import type { ApiClient } from '../api/api-client';
import type { Outbox } from '../api/outbox';
import type { SignedInUser } from '../api/types';
import { failureNotice, type NoticeMessage } from '../components/Notice';
import type { WorkbookHost } from '../excel/workbook-host';
import { bothLanguages, joinedMessages } from '../i18n/messages';
import { highlightFindings, readForSubmission } from './sheet-checks';
import { headerValueOfRole } from '#shared/spec/header-value-of-role';
import { periodOf } from './template-header';

/** The steps the pane's progress bar names, in order. */
export const SUBMIT_STEPS = ['step_read', 'step_check', 'step_upload', 'step_rank'] as const;

export interface SubmitSheetOptions {
  host: WorkbookHost;
  registry: TemplateRegistry;
  api: ApiClient;
  outbox: Outbox;
  user: SignedInUser;
  /** Today in Asia/Shanghai: the day the checks are run as of. */
  asOf: string;
  /** The report day chosen in the pane: the period when the sheet does not name one. */
  day: string;
  organisation?: Organisation;
  /** A new idempotency key, taken only when the sheet is sent (it stays with the sheet in the outbox). */
  newKey(): string;
  queuedAt: Date;
  /** Called as each step of SUBMIT_STEPS begins (its index). */
  onStep(step: number): void;
}

export interface SubmitSheetOutcome {
  notice: NoticeMessage;
  /** The findings to show now; absent when the sheet could not be read (the list on screen stays). */
  findings?: Finding[];
  /** Queued because the server was busy: flush the outbox again after this many seconds. */
  retryAfterSeconds?: number;
}

/** How long to wait before trying again when a busy server (503) does not say. */
const BUSY_RETRY_SECONDS = 5;

export async function submitActiveSheet(options: SubmitSheetOptions): Promise<SubmitSheetOutcome> {
  const { host, registry, api, outbox, user, onStep } = options;
  onStep(0);
  const read = await readForSubmission(host, registry, options.asOf, options.organisation);
  if (!read.ok) return { notice: failureNotice(read) };
  onStep(1);
  const { validation, workbook, sheetName } = read.value;
  const errors = validation.findings.filter((f) => f.severity === 'error').length;
  if (validation.hasErrors) return { findings: validation.findings, notice: { intent: 'error', ...bothLanguages('submitBlocked', { count: errors }) } };

  onStep(2);
  const period = headerValueOfRole(validation.spec, validation.header, 'period') ?? periodOf(validation.spec, options.day);
  const idempotencyKey = options.newKey();
  const sent = await api.postSubmission(workbook, idempotencyKey);
  if (!sent.ok && (sent.kind === 'offline' || sent.kind === 'busy')) {
    const label = `${user.outlet ?? ''} ${validation.spec.title} ${period}`;
    outbox.add({ idempotencyKey, workbook, label, queuedAt: options.queuedAt.toISOString() });
    if (sent.kind === 'offline') return { findings: validation.findings, notice: { intent: 'warning', ...bothLanguages('queued') } };
    const seconds = sent.retryAfterSeconds ?? BUSY_RETRY_SECONDS;
    return { findings: validation.findings, retryAfterSeconds: seconds, notice: { intent: 'warning', ...bothLanguages('queuedBusy', { seconds }) } };
  }
  if (!sent.ok) {
    const refused = failureNotice(sent);
    if (!sent.findings) return { findings: validation.findings, notice: refused };
    // The server's findings are marked in the sheet as the pane's own are.
    const marked = await highlightFindings(host, sheetName, sent.findings);
    if (!marked.ok || marked.value === 0) return { findings: sent.findings, notice: refused };
    return { findings: sent.findings, notice: { intent: 'error', ...joinedMessages(sent, bothLanguages('serverFindingsMarked', { count: marked.value })) } };
  }

  onStep(3);
  // What the server still says of an accepted sheet (warnings, a late submission) replaces the local list.
  const serverFindings = (sent.value as Partial<AcceptedSubmission> | null)?.findings;
  const findings = Array.isArray(serverFindings) ? serverFindings : validation.findings;
  const outlet = user.outlet ?? '';
  const rankLine = await rankLineOf(api, user, validation.spec.id, period);
  return { findings, notice: { intent: 'success', ...joinedMessages(bothLanguages('submitted', { outlet, period }), rankLine) } };
}

/** "排名第 N / M" from the sub-branch's summary of the period, or a line saying the rank is not known yet. */
async function rankLineOf(api: ApiClient, user: SignedInUser, template: string, period: string): Promise<{ message_zh: string; message_en: string }> {
  if (!user.subBranch) return bothLanguages('submittedNoRank');
  const summary = await api.getConsolidated({ template, subBranch: user.subBranch, from: period, to: period });
  if (!summary.ok || !summary.value) return bothLanguages('submittedNoRank');
  const own = summary.value.outlets.find((o) => o.outlet === (user.outlet ?? ''));
  const count = summary.value.outlets.length + summary.value.missing.length;
  return own && own.rank !== null ? bothLanguages('submittedRank', { rank: own.rank, count }) : bothLanguages('submittedNoRank');
}
