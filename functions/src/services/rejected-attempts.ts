/**
 * Rejected attempts (issue 9, "nothing lost"): every refused submission of an outlet head leaves an
 * audit record, one that fits a DynamoDB item (400 KB) whatever the sheet held, and a sheet over a
 * cap (rows) is answered 413 rather than 422. The rejection path of submit-workbook.ts calls these.
 */
import type { SubmissionAnswer } from '#shared/api/submission-answer';
import { capFindingCodes } from '#shared/findings/codes';
import { createFinding } from '#shared/findings/create-finding';
import type { Finding } from '#shared/findings/types';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';
import { readLimitsFor } from '#shared/xlsx/workbook-limits';
import { recordRejectedAttempt, type AuditRecord } from '../adapters/submission-store';
import type { Caller } from './caller';
import { sha256Hex } from './content-hash';
import type { ServiceDeps } from './deps';
import { ApiError } from './errors';
import { loadRegistry } from './load-registry';
import { parseSubmissionBody, type ParsedSubmissionBody, type RawBody } from './parse-submission-body';


/** What an audit record may weigh as JSON: well under DynamoDB's 400 KB item, keys and attribute names included. */
export const AUDIT_ITEM_BUDGET_BYTES = 300_000;
/** Characters of a finding's message kept when a record must shrink. */
const SHORT_MESSAGE_CHARS = 300;

/** The finding that refuses a sheet for its size, if any. */
export function capFinding(findings: readonly Finding[]): Finding | undefined {
  return findings.find((f) => (capFindingCodes as ReadonlySet<string>).has(f.code));
}

/** A sheet refused for its size: 413, with the cap's code and message, and the findings as with a 422. */
export function capAnswer(cap: Finding, findings: Finding[]): SubmissionAnswer {
  return { statusCode: 413, body: { code: cap.code, message_zh: cap.message_zh, message_en: cap.message_en, findings } };
}

/**
 * The day a rejected sheet's audit record is filed under: its report day, unless that day is itself
 * wrong (9999-12-31, a day outside the campaign: report-date-error) or not a day; then the arrival
 * day, where the auditor looks for it.
 */
export function rejectedAuditDay(period: string | null, asOf: string, findings: readonly Finding[]): string {
  if (!period || !/^\d{4}-\d{2}-\d{2}$/.test(period)) return asOf;
  return findings.some((f) => f.code === 'report-date-error') ? asOf : period;
}

/** A number DynamoDB stores exactly from JavaScript: within 2^53 and not closer to zero than 1e-130. */
function isStorableNumber(value: number): boolean {
  const magnitude = Math.abs(value);
  return Number.isFinite(value) && magnitude <= Number.MAX_SAFE_INTEGER && (magnitude === 0 || magnitude >= 1e-130);
}

function storableFinding(finding: Finding, shortMessages: boolean): Finding {
  const { value } = finding;
  const fixed = { ...finding };
  // 1e21 or 1e-200 as typed: kept as its text, which DynamoDB stores whatever its size.
  if (typeof value === 'number' && !isStorableNumber(value)) fixed.value = String(value);
  if (typeof fixed.fix === 'number' && !isStorableNumber(fixed.fix)) fixed.fix = String(fixed.fix);
  if (shortMessages) {
    fixed.message_zh = cut(finding.message_zh);
    fixed.message_en = cut(finding.message_en);
  }
  return fixed;
}

function cut(text: string): string {
  return text.length > SHORT_MESSAGE_CHARS ? `${text.slice(0, SHORT_MESSAGE_CHARS)}…` : text;
}

function weight(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * The findings of a record made storable and trimmed to fit `budget` bytes beside `rest`: numbers
 * DynamoDB cannot hold become text, then messages are shortened, then findings are dropped from the
 * end (halving) until the whole fits. The record's error and warning counts stay as they were.
 */
export function fitFindings(findings: readonly Finding[], rest: unknown, budget = AUDIT_ITEM_BUDGET_BYTES): Finding[] {
  const base = weight(rest);
  let fitted = findings.map((f) => storableFinding(f, false));
  if (base + weight(fitted) <= budget) return fitted;
  fitted = fitted.map((f) => storableFinding(f, true));
  let keep = fitted.length;
  while (keep > 0 && base + weight(fitted.slice(0, keep)) > budget) keep = Math.floor(keep / 2);
  return fitted.slice(0, keep);
}

/** The audit record with its findings fitted to an item. */
export function fitAuditRecord(audit: AuditRecord): AuditRecord {
  const { findings, ...rest } = audit;
  return { ...audit, findings: fitFindings(findings, rest) };
}

/** An answer to keep in an idempotency record: its findings fitted like an audit record's (the answer sent is not changed). */
export function fitStoredAnswer(answer: SubmissionAnswer): SubmissionAnswer {
  if (!('findings' in answer.body)) return answer;
  const { findings, ...rest } = answer.body;
  return { ...answer, body: { ...rest, findings: fitFindings(findings, rest) } } as SubmissionAnswer;
}

/**
 * Reads the body with the read caps of the current templates. An upload refused for its size (413:
 * the body, its unpacked size, its files, rows or cells) is audited as a rejected attempt of the
 * caller's outlet first, then thrown on.
 */
export async function parseBodyOrAuditRefusal(deps: ServiceDeps, caller: Caller, raw: RawBody): Promise<ParsedSubmissionBody> {
  const registry = await loadRegistry(deps);
  try {
    return await parseSubmissionBody(raw, readLimitsFor(registry.all));
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 413) await auditRefusedUpload(deps, caller, raw, error);
    throw error;
  }
}

async function auditRefusedUpload(deps: ServiceDeps, caller: Caller, raw: RawBody, error: ApiError): Promise<void> {
  if (!caller.subBranch) return;
  const now = deps.now();
  const finding = error.findings?.[0] ?? createFinding('upload-too-large', { sheetName: '工作簿' }, { slots: { size: '', cap: '' } });
  const audit: AuditRecord = {
    subBranch: caller.subBranch,
    date: isoDateInTimeZone(now, CAMPAIGN_TIME_ZONE),
    outlet: caller.outlet ?? null,
    template: null,
    templateVersion: null,
    period: null,
    outcome: 'rejected',
    version: null,
    late: false,
    submitter: caller.sub,
    submittedAt: now.toISOString(),
    contentHash: null,
    errorCount: 1,
    warningCount: 0,
    findings: [finding],
    // The same refused body sent again is one record.
    ref: sha256Hex(raw.body ?? '').slice(0, 32),
  };
  // A failure to write it is thrown (503 and retry), as for any rejected sheet: no refusal goes unrecorded.
  await recordRejectedAttempt(deps.table, fitAuditRecord(audit), undefined, Math.floor(now.getTime() / 1000));
}
