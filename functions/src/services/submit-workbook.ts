/**
 * POST /submissions: validate again with the shared engine, then merge (docs/data-model.md,
 * "Merge semantics"): rows under an attempt key, one conditional flip of the head with the audit
 * and idempotency records, then the replaced rows removed. Sheets with errors are a 422 answer.
 */
import type { SubmissionAnswer } from '../../../shared/src/api/submission-answer';
import { createFinding } from '../../../shared/src/findings/create-finding';
import type { Finding } from '../../../shared/src/findings/types';
import { findOrgUnit } from '../../../shared/src/org/find-org-unit';
import type { Organisation } from '../../../shared/src/org/schema';
import { isAfterDeadline } from '../../../shared/src/period/is-after-deadline';
import { isoDateInShanghai } from '../../../shared/src/period/iso-date-in-shanghai';
import type { TemplateSpec } from '../../../shared/src/spec/schema';
import { aggregateRows } from '../../../shared/src/summary/aggregate-rows';
import type { SheetValidation } from '../../../shared/src/validation/types';
import { validateWorkbook } from '../../../shared/src/validation/validate-workbook';
import type { SubmissionId } from '../adapters/keys';
import { getOrganisation } from '../adapters/org-store';
import {
  deleteRows,
  flipSubmission,
  getHead,
  getHeadAndIdempotency,
  getIdempotencyRecord,
  recordRejectedAttempt,
  writeRows,
  type AuditRecord,
  type IdempotencyRecord,
  type SubmissionHead,
} from '../adapters/submission-store';
import { forbiddenScope, requireRole, type Caller } from './caller';
import { canonicalJson, sha256Hex } from './content-hash';
import type { ServiceDeps } from './deps';
import { NotFoundError, SubmissionContentionError, VersionConflictError } from './errors';
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

const MAX_FLIP_TRIES = 5;
const AUDIT_FINDINGS = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

function headerByRole(validation: SheetValidation, role: string): string | null {
  const field = validation.spec.headerFields.find((f) => f.role === role);
  const value = field ? validation.header[field.key] : null;
  return value === null || value === undefined ? null : String(value);
}

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
  const asOf = isoDateInShanghai(now);
  const validation = validateWorkbook(workbook, registry, { asOf, organisation });
  const sheetSubBranch = headerByRole(validation, 'subBranch');
  if (sheetSubBranch && !findOrgUnit(organisation, sheetSubBranch, 'subBranch')) throw forbiddenScope(`支行 ${sheetSubBranch} / sub-branch ${sheetSubBranch}`);
  if (validation.unitCode && validation.unitCode !== caller.outlet) throw forbiddenScope(`网点 ${validation.unitCode} / outlet ${validation.unitCode}`);

  const requestHash = sha256Hex(bytes);
  const idempotencyHash = input.idempotencyKey ? sha256Hex(`${caller.sub}\n${input.idempotencyKey}`) : undefined;
  const period = headerByRole(validation, 'period');
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

async function acceptSheet(ctx: SubmitContext, period: string, outlet: string): Promise<SubmitWorkbookAnswer> {
  const { deps, validation, organisation, idempotencyHash, requestHash } = ctx;
  const spec: TemplateSpec = validation.spec;
  const id: SubmissionId = { subBranch: organisation.code, template: spec.id, period, outlet };
  const rows = validation.rows;
  const contentHash = sha256Hex(canonicalJson({ template: { id: spec.id, version: spec.version }, header: validation.header, rows }));

  const read = await getHeadAndIdempotency(deps.table, id, idempotencyHash);
  if (read.idempotency) return replayIdempotency(deps, idempotencyHash as string, requestHash, read.idempotency);
  if (read.head?.contentHash === contentHash) return replay(read.head.response);

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

  let current: SubmissionHead | undefined = read.head;
  const attempt = sha256Hex(`${contentHash}:${(current?.version ?? 0) + 1}`).slice(0, 16);
  try {
    await writeRows(deps.table, id, attempt, rows, phoneIndex, deps.batchWrite);
  } catch (error) {
    // Nothing points at these rows; remove what was written unless a head already does (same content won earlier).
    if ((await getHead(deps.table, id))?.attempt !== attempt) await removeReplacedRows(deps, id, { attempt, rowCount: rows.length });
    throw error;
  }

  for (let tries = 0; tries < MAX_FLIP_TRIES; tries++) {
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
      attempt,
      contentHash,
      templateVersion: spec.version,
      submitter: ctx.caller.sub,
      submitterName: headerByRole(validation, 'submitter'),
      submittedAt: ctx.submittedAt,
      late,
      rowCount: rows.length,
      aggregate: aggregateRows(spec, rows),
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
      ref: `${attempt}-${version}`,
    };
    const idempotency = idempotencyHash ? { hash: idempotencyHash, requestHash, response: answer } : undefined;
    const nowSeconds = Math.floor(Date.parse(ctx.submittedAt) / 1000);
    const result = await flipSubmission(deps.table, { head, expectedVersion: current?.version ?? 0, audit, idempotency, nowSeconds });
    if (result === 'flipped') {
      if (current && current.attempt !== attempt) await removeReplacedRows(deps, id, current);
      return { ...answer, replayed: false };
    }
    if (result === 'idempotency-conflict') {
      const winner = await getHead(deps.table, id);
      if (winner?.attempt !== attempt) await removeReplacedRows(deps, id, { attempt, rowCount: rows.length });
      return replayIdempotency(deps, idempotencyHash as string, requestHash);
    }
    current = await getHead(deps.table, id);
    if (current?.contentHash === contentHash) return replay(current.response);
  }
  if (current?.attempt !== attempt) await removeReplacedRows(deps, id, { attempt, rowCount: rows.length });
  throw new SubmissionContentionError();
}

/** Deletes the rows of a replaced or abandoned attempt; a failure only leaves invisible rows behind. */
async function removeReplacedRows(deps: ServiceDeps, id: SubmissionId, replaced: { attempt: string; rowCount: number }): Promise<void> {
  try {
    await deleteRows(deps.table, id, replaced.attempt, replaced.rowCount, deps.batchWrite);
  } catch {
    // Invisible rows: no head points at them. They cost storage only.
  }
}
