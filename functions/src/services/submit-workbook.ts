/**
 * POST /submissions: validate again with the shared engine, then merge (docs/data-model.md,
 * "Merge semantics"): a marker for a new, random attempt id, the rows under it, one conditional flip
 * of the head with the audit and idempotency records, then the replaced rows removed. Sheets with
 * errors are a 422 answer.
 */
import { randomBytes } from 'node:crypto';
import type { SubmissionAnswer } from '#shared/api/submission-answer';
import { createFinding } from '#shared/findings/create-finding';
import type { Finding } from '#shared/findings/types';
import { findOrgUnit } from '#shared/org/find-org-unit';
import type { Organisation } from '#shared/org/schema';
import { isAfterDeadline } from '#shared/period/is-after-deadline';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';
import { headerValueOfRole } from '#shared/spec/header-value-of-role';
import type { TemplateSpec } from '#shared/spec/schema';
import { aggregateRows } from '#shared/summary/aggregate-rows';
import type { SheetValidation } from '#shared/validation/types';
import { validateWorkbook } from '#shared/validation/validate-workbook';
import type { SubmissionId } from '../adapters/keys';
import { getOrganisation } from '../adapters/org-store';
import {
  flipSubmission,
  getHead,
  getHeadAndIdempotency,
  getIdempotencyRecord,
  putAttemptMarker,
  recordRejectedAttempt,
  removeAttempt,
  writeRows,
  type AttemptMarker,
  type AuditRecord,
  type IdempotencyRecord,
  type SubmissionHead,
} from '../adapters/submission-store';
import { forbiddenScope, requireRole, type Caller } from './caller';
import { canonicalJson, sha256Hex } from './content-hash';
import type { ServiceDeps } from './deps';
import { NotFoundError, SubmissionContentionError, SubmissionTimeoutError, VersionConflictError } from './errors';
import { loadRegistry } from './load-registry';
import type { RawBody } from './parse-submission-body';
import { capAnswer, capFinding, fitAuditRecord, fitStoredAnswer, parseBodyOrAuditRefusal, rejectedAuditDay } from './rejected-attempts';

export interface SubmitWorkbookInput extends RawBody {
  caller: Caller;
  /** The Idempotency-Key header, when sent. */
  idempotencyKey?: string;
}

export type SubmitWorkbookAnswer = SubmissionAnswer & {
  /** True when this is the first answer given again (same key or same content). */
  replayed: boolean;
};

const AUDIT_FINDINGS = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** The day whose deadline applies: the report's day, or the last day of a reported month. */
function deadlineDay(period: string): string | null {
  if (DAY.test(period)) return period;
  if (!MONTH.test(period)) return null;
  const [year, month] = period.split('-').map(Number);
  return `${period}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function countSeverity(findings: readonly Finding[], severity: Finding['severity']): number {
  return findings.filter((f) => f.severity === severity).length;
}

function replay(answer: SubmissionAnswer): SubmitWorkbookAnswer {
  return { ...answer, replayed: true };
}

async function replayIdempotency(deps: ServiceDeps, hash: string, requestHash: string, record?: IdempotencyRecord): Promise<SubmitWorkbookAnswer> {
  const found = record ?? (await getIdempotencyRecord(deps.table, hash));
  if (!found) throw new SubmissionContentionError();
  if (found.requestHash !== requestHash) {
    throw new VersionConflictError(
      'idempotency-key-reused',
      '同一个 Idempotency-Key 已用于另一份内容不同的提交',
      'this Idempotency-Key was already used for a different body',
    );
  }
  return replay(found.response);
}

export async function submitWorkbook(deps: ServiceDeps, input: SubmitWorkbookInput): Promise<SubmitWorkbookAnswer> {
  const { caller } = input;
  requireRole(caller, 'outlet_head');
  const { workbook, bytes } = await parseBodyOrAuditRefusal(deps, caller, input);
  const subBranch = caller.subBranch as string;
  const organisation = await getOrganisation(deps.table, subBranch, deps.now().getTime());
  if (!organisation) throw new NotFoundError(`支行 ${subBranch} 尚无机构文件`, `sub-branch ${subBranch} has no organisation file`);
  const registry = await loadRegistry(deps);
  const now = deps.now();
  const submittedAt = now.toISOString();
  const asOf = isoDateInTimeZone(now, CAMPAIGN_TIME_ZONE);
  const validation = validateWorkbook(workbook, registry, { asOf, organisation });
  const sheetSubBranch = headerValueOfRole(validation.spec, validation.header, 'subBranch');
  if (sheetSubBranch && !findOrgUnit(organisation, sheetSubBranch, 'subBranch')) throw forbiddenScope(`支行 ${sheetSubBranch} / sub-branch ${sheetSubBranch}`);
  if (validation.unitCode && validation.unitCode !== caller.outlet) throw forbiddenScope(`网点 ${validation.unitCode} / outlet ${validation.unitCode}`);

  const requestHash = sha256Hex(bytes);
  const idempotencyHash = input.idempotencyKey ? sha256Hex(`${caller.sub}\n${input.idempotencyKey}`) : undefined;
  const period = headerValueOfRole(validation.spec, validation.header, 'period');
  const ctx = { deps, caller, organisation, validation, submittedAt, asOf, requestHash, idempotencyHash };
  if (validation.hasErrors || !validation.unitCode || !period) return rejectSheet(ctx, period);
  return acceptSheet(ctx, period, validation.unitCode);
}

interface SubmitContext {
  deps: ServiceDeps;
  caller: Caller;
  organisation: Organisation;
  validation: SheetValidation;
  submittedAt: string;
  asOf: string;
  requestHash: string;
  idempotencyHash?: string;
}

async function rejectSheet(ctx: SubmitContext, period: string | null): Promise<SubmitWorkbookAnswer> {
  const { deps, validation, idempotencyHash, requestHash } = ctx;
  if (idempotencyHash) {
    const existing = await getIdempotencyRecord(deps.table, idempotencyHash);
    if (existing) return replayIdempotency(deps, idempotencyHash, requestHash, existing);
  }
  const errors = countSeverity(validation.findings, 'error');
  const cap = capFinding(validation.findings);
  const answer: SubmissionAnswer = cap ? capAnswer(cap, validation.findings) : {
    statusCode: 422,
    body: {
      code: 'sheet-has-errors',
      message_zh: `表格有 ${errors} 处错误，未保存，请修改后重新提交`,
      message_en: `the sheet has ${errors} error(s) and was not stored; fix them and submit again`,
      findings: validation.findings,
    },
  };
  const audit: AuditRecord = {
    subBranch: ctx.organisation.code,
    date: rejectedAuditDay(period, ctx.asOf, validation.findings),
    outlet: validation.unitCode ?? ctx.caller.outlet ?? null,
    template: validation.spec.id,
    templateVersion: validation.template?.version ?? null,
    period,
    outcome: 'rejected',
    version: null,
    late: false,
    submitter: ctx.caller.sub,
    submittedAt: ctx.submittedAt,
    contentHash: null,
    errorCount: errors,
    warningCount: countSeverity(validation.findings, 'warning'),
    findings: validation.findings.slice(0, AUDIT_FINDINGS),
    ref: requestHash.slice(0, 32),
  };
  const idempotency = idempotencyHash ? { hash: idempotencyHash, requestHash, response: fitStoredAnswer(answer) } : undefined;
  const outcome = await recordRejectedAttempt(deps.table, fitAuditRecord(audit), idempotency, Math.floor(Date.parse(ctx.submittedAt) / 1000));
  if (outcome === 'idempotency-conflict') return replayIdempotency(deps, idempotencyHash as string, requestHash);
  return { ...answer, replayed: outcome === 'already-recorded' };
}

/** Time kept for the flip transaction and the answer: with less left, a request stops before it commits. */
const FLIP_RESERVE_MS = 2_500;
/** The budget of a submission when the platform gives no deadline (tests, scripts). */
const DEFAULT_BUDGET_MS = 15_000;
/** Backoff between flip tries under contention: full jitter, doubling from 10 ms up to 320 ms. */
const FLIP_BACKOFF_BASE_MS = 10;
const FLIP_BACKOFF_MAX_MS = 320;
/** Flip tries of one request, the first included; the time budget usually ends them first. */
const MAX_FLIP_TRIES = 60;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A random attempt id (16 hex): no two requests share one, so no request ever deletes rows another request's head points at. */
function newAttemptId(): string {
  return randomBytes(8).toString('hex');
}

async function acceptSheet(ctx: SubmitContext, period: string, outlet: string): Promise<SubmitWorkbookAnswer> {
  const { deps, validation, organisation, idempotencyHash, requestHash } = ctx;
  const spec: TemplateSpec = validation.spec;
  const id: SubmissionId = { subBranch: organisation.code, template: spec.id, period, outlet };
  const rows = validation.rows;
  const contentHash = sha256Hex(canonicalJson({ template: { id: spec.id, version: spec.version }, header: validation.header, rows }));
  const startedAt = Date.now();
  const remainingMs = deps.remainingTimeMs ?? (() => DEFAULT_BUDGET_MS - (Date.now() - startedAt));
  const checkpoint = deps.mergeCheckpoint ?? (async () => undefined);

  await checkpoint('start');
  const read = await getHeadAndIdempotency(deps.table, id, idempotencyHash);
  if (read.idempotency) return replayIdempotency(deps, idempotencyHash as string, requestHash, read.idempotency);
  if (read.head?.contentHash === contentHash) return replay(read.head.response);
  await checkpoint('head-read');

  const dueDay = deadlineDay(period);
  const late = dueDay !== null && isAfterDeadline(new Date(ctx.submittedAt), dueDay, organisation.deadline);
  const findings = validation.findings.filter((f) => f.severity !== 'error');
  if (late) {
    findings.push(
      createFinding('late-submission', { sheetName: spec.sheetName }, {
        slots: { receivedAt: shanghaiTime(new Date(ctx.submittedAt)), deadline: `${dueDay} ${organisation.deadline}` },
      }),
    );
  }
  const phoneColumn = spec.columns.find((c) => c.type === 'phone')?.col;
  const campaign = organisation.campaign;
  const phoneIndex =
    phoneColumn && campaign && period >= campaign.from && period <= (campaign.saleDays.at(-1) ?? campaign.to)
      ? { column: phoneColumn, subBranch: organisation.code, campaignFrom: campaign.from }
      : undefined;
  const aggregate = aggregateRows(spec, rows);
  const nowSeconds = Math.floor(Date.parse(ctx.submittedAt) / 1000);

  // The marker goes first: from here on, every row of this attempt is known to the sweep.
  const pending: AttemptMarker = { id, attempt: newAttemptId(), rowCount: rows.length, kind: 'pending', createdAt: deps.now().toISOString() };
  await putAttemptMarker(deps.table, pending);
  try {
    await writeRows(deps.table, id, pending.attempt, rows, phoneIndex, { ...deps.batchWrite, deadline: () => remainingMs() < FLIP_RESERVE_MS });
  } catch (error) {
    await abandonAttempt(deps, pending);
    throw error;
  }
  await checkpoint('rows-written');

  let current: SubmissionHead | undefined = read.head;
  for (let tries = 0; tries < MAX_FLIP_TRIES; tries++) {
    if (remainingMs() < FLIP_RESERVE_MS) {
      await abandonAttempt(deps, pending);
      throw tries === 0 ? new SubmissionTimeoutError() : new SubmissionContentionError();
    }
    const version = (current?.version ?? 0) + 1;
    const answer: SubmissionAnswer = {
      statusCode: 201,
      body: {
        submission: {
          subBranch: id.subBranch,
          outlet,
          template: spec.id,
          templateVersion: spec.version,
          period,
          version,
          late,
          submittedAt: ctx.submittedAt,
          rowCount: rows.length,
          contentHash,
        },
        findings,
      },
    };
    const head: SubmissionHead = {
      ...id,
      version,
      attempt: pending.attempt,
      contentHash,
      templateVersion: spec.version,
      submitter: ctx.caller.sub,
      submitterName: headerValueOfRole(validation.spec, validation.header, 'submitter'),
      submittedAt: ctx.submittedAt,
      late,
      rowCount: rows.length,
      aggregate,
      findings,
      response: answer,
    };
    const audit: AuditRecord = {
      subBranch: id.subBranch,
      date: DAY.test(period) ? period : ctx.asOf,
      outlet,
      template: spec.id,
      templateVersion: spec.version,
      period,
      outcome: 'accepted',
      version,
      late,
      submitter: ctx.caller.sub,
      submittedAt: ctx.submittedAt,
      contentHash,
      errorCount: 0,
      warningCount: countSeverity(findings, 'warning'),
      findings: findings.slice(0, AUDIT_FINDINGS),
      ref: `${pending.attempt}-${version}`,
    };
    const replaced: AttemptMarker | undefined = current
      ? { id, attempt: current.attempt, rowCount: current.rowCount, kind: 'replaced', createdAt: deps.now().toISOString() }
      : undefined;
    const idempotency = idempotencyHash ? { hash: idempotencyHash, requestHash, response: answer } : undefined;
    if (tries > 0) await sleep(Math.random() * Math.min(FLIP_BACKOFF_MAX_MS, FLIP_BACKOFF_BASE_MS * 2 ** tries));
    const result = await flipSubmission(deps.table, { head, expectedVersion: current?.version ?? 0, audit, pending, replaced, idempotency, nowSeconds });
    if (result.outcome === 'flipped') {
      await checkpoint('flipped');
      if (replaced) await removeQuietly(deps, replaced);
      await checkpoint('cleaned');
      return { ...answer, replayed: false };
    }
    if (result.outcome === 'attempt-swept') throw new SubmissionTimeoutError();
    if (result.outcome === 'idempotency-conflict') {
      await abandonAttempt(deps, pending);
      return replayIdempotency(deps, idempotencyHash as string, requestHash);
    }
    // The transaction handed back the head that won (ALL_OLD on its failed condition); read it only if it did not.
    current = result.current ?? (await getHead(deps.table, id));
    await checkpoint('head-read');
    if (current?.contentHash === contentHash) {
      // The same sheet won meanwhile (another request): answer with its result, drop this attempt's rows.
      await abandonAttempt(deps, pending);
      return replay(current.response);
    }
  }
  await abandonAttempt(deps, pending);
  throw new SubmissionContentionError();
}

/** Removes this request's own rows and marker; no head references them (its flip did not happen). */
async function abandonAttempt(deps: ServiceDeps, pending: AttemptMarker): Promise<void> {
  await removeQuietly(deps, pending);
}

/** Deletes the rows of an attempt no head references, then its marker; a failure leaves the marker, and the sweep finishes the job. */
async function removeQuietly(deps: ServiceDeps, marker: AttemptMarker): Promise<void> {
  try {
    await removeAttempt(deps.table, marker, deps.batchWrite);
  } catch {
    // The marker stays: the sweep (sweep-attempts) removes these rows later.
  }
}
