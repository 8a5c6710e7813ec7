/**
 * Submissions: heads (current version + aggregate), rows per attempt, the flip, audit records and
 * idempotency records (docs/data-model.md patterns 7–17). The only module that writes them.
 */
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { SubmissionAnswer } from '#shared/api/submission-answer';
import type { StoredSubmission } from '#shared/api/submission-view';
import type { Finding } from '#shared/findings/types';
import type { UnitAggregate } from '#shared/summary/unit-aggregate';
import type { TypedRow } from '#shared/validation/types';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { batchWriteAll, type BatchWriteOptions, type WriteRequest } from './batch-write';
import type { TableRef } from './dynamo';
import { ATTEMPTS_PK, attemptMarkerKey, auditPk, headKey, idempotencyKey, phoneIndexPk, rowSk, rowsPk, type SubmissionId } from './keys';
import { queryAll } from './query-all';
import { TABLE_DESIGN } from './table-design';

/** The current version of a report: what GET /submissions shows, plus what the merge and the summary need. */
export interface SubmissionHead extends StoredSubmission {
  attempt: string;
  aggregate: UnitAggregate;
  findings: Finding[];
  /** The POST /submissions answer as first given, kept for replays. */
  response: SubmissionAnswer;
}

export interface AuditRecord {
  subBranch: string;
  date: string;
  outlet: string | null;
  template: string | null;
  templateVersion: number | null;
  period: string | null;
  outcome: 'accepted' | 'rejected';
  version: number | null;
  late: boolean;
  submitter: string;
  submittedAt: string;
  contentHash: string | null;
  errorCount: number;
  warningCount: number;
  findings: Finding[];
  /** Unique part of the sort key (attempt id or a random id). */
  ref: string;
}

export interface IdempotencyRecord {
  hash: string;
  requestHash: string;
  response: SubmissionAnswer;
}

export interface PhoneEntry {
  phone: string;
  outlet: string;
  period: string;
  attempt: string;
  rowNumber: number;
}

const IDEMPOTENCY_TTL_S = 24 * 3600;

/** An item without its key attributes; a stored answer (kept as JSON text, so a replay is byte-identical) parsed back. */
function stripKeys<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ttl: _ttl, ...rest } = item;
  if (typeof rest.response === 'string') rest.response = JSON.parse(rest.response);
  return rest as T;
}

/** Head and idempotency record in one BatchGetItem (pattern 7); unprocessed keys are asked again. */
export async function getHeadAndIdempotency(
  table: TableRef,
  id: SubmissionId,
  idempotencyHash?: string,
): Promise<{ head?: SubmissionHead; idempotency?: IdempotencyRecord }> {
  const keys: Record<string, string>[] = [headKey(id)];
  if (idempotencyHash) keys.push(idempotencyKey(idempotencyHash));
  const found: Record<string, unknown>[] = [];
  let pending: Record<string, unknown>[] | undefined = keys;
  for (let attempt = 0; pending && pending.length > 0; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
    if (attempt > 8) throw new Error('BatchGetItem left keys unprocessed after 8 tries');
    const result: BatchGetCommandOutput = await table.doc.send(new BatchGetCommand({ RequestItems: { [table.tableName]: { Keys: pending, ConsistentRead: true } } }));
    found.push(...(result.Responses?.[table.tableName] ?? []));
    pending = result.UnprocessedKeys?.[table.tableName]?.Keys;
  }
  const head = found.find((i) => String(i.pk).startsWith('SUB#'));
  const idem = found.find((i) => String(i.pk).startsWith('IDEM#'));
  return {
    head: head ? stripKeys<SubmissionHead>(head) : undefined,
    idempotency: idem ? (stripKeys<IdempotencyRecord & { status: string }>(idem) as IdempotencyRecord) : undefined,
  };
}

export async function getHead(table: TableRef, id: SubmissionId): Promise<SubmissionHead | undefined> {
  const result = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: headKey(id), ConsistentRead: true }));
  return result.Item ? stripKeys<SubmissionHead>(result.Item) : undefined;
}

export interface RowsPhoneIndex {
  /** Column letter of the phone column. */
  column: string;
  subBranch: string;
  campaignFrom: string;
}

/** Writes the rows of one attempt (pattern 8); rows are numbered 1..n in the sort key. */
export async function writeRows(
  table: TableRef,
  id: SubmissionId,
  attempt: string,
  rows: readonly TypedRow[],
  phoneIndex?: RowsPhoneIndex,
  options?: BatchWriteOptions,
): Promise<void> {
  const pk = rowsPk(id, attempt);
  const requests: WriteRequest[] = rows.map((row, index) => {
    const item: Record<string, unknown> = { pk, sk: rowSk(index + 1), row };
    const phone = phoneIndex ? row.values[phoneIndex.column] : undefined;
    if (phoneIndex && typeof phone === 'string' && phone !== '') {
      item.gsi1pk = phoneIndexPk(phoneIndex.subBranch, phoneIndex.campaignFrom);
      item.gsi1sk = `${phone}#${id.outlet}#${id.period}#${attempt}#${row.rowNumber}`;
    }
    return { PutRequest: { Item: item } };
  });
  await batchWriteAll(table, requests, options);
}

/** Deletes the rows of an attempt by their known keys (pattern 10). */
export async function deleteRows(table: TableRef, id: SubmissionId, attempt: string, rowCount: number, options?: BatchWriteOptions): Promise<void> {
  const pk = rowsPk(id, attempt);
  const requests: WriteRequest[] = Array.from({ length: rowCount }, (_, i) => ({ DeleteRequest: { Key: { pk, sk: rowSk(i + 1) } } }));
  await batchWriteAll(table, requests, options);
}

/** The rows of an attempt, in order (pattern 11). */
export async function queryRows(table: TableRef, id: SubmissionId, attempt: string): Promise<TypedRow[]> {
  const items = await queryAll<{ row: TypedRow }>(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': rowsPk(id, attempt) },
    ConsistentRead: true,
  });
  return items.map((i) => i.row);
}

/** Heads of a sub-branch and template over a range of periods, both included (pattern 12: one Query). */
export async function queryHeads(table: TableRef, subBranch: string, template: string, from: string, to: string): Promise<SubmissionHead[]> {
  const items = await queryAll<Record<string, unknown>>(table, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': `SUB#${subBranch}#${template}`, ':from': `P#${from}`, ':to': `P#${to}#~` },
  });
  return items.map((i) => stripKeys<SubmissionHead>(i));
}

/** Phone entries of a sub-branch's campaign (pattern 14, on gsi1); may include replaced attempts. */
export async function queryPhoneEntries(table: TableRef, subBranch: string, campaignFrom: string): Promise<PhoneEntry[]> {
  const items = await queryAll<{ gsi1sk: string }>(table, {
    IndexName: TABLE_DESIGN.index.name,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': phoneIndexPk(subBranch, campaignFrom) },
    ProjectionExpression: 'gsi1sk',
  });
  return items.map((i) => {
    const [phone, outlet, period, attempt, rowNumber] = i.gsi1sk.split('#');
    return { phone, outlet, period, attempt, rowNumber: Number(rowNumber) };
  });
}

/** `version-conflict` carries the head that won meanwhile (the transaction returns it: no extra read). */
export type FlipResult =
  | { outcome: 'flipped' }
  | { outcome: 'idempotency-conflict' }
  | { outcome: 'attempt-swept' }
  | { outcome: 'version-conflict'; current: SubmissionHead | undefined };

function auditItem(table: TableRef, audit: AuditRecord) {
  return {
    Put: {
      TableName: table.tableName,
      // A rejected attempt is keyed by its body's hash alone: the same rejected sheet sent again is not counted twice.
      Item: { pk: auditPk(audit.subBranch, audit.date), sk: audit.outcome === 'rejected' ? `REJECTED#${audit.ref}` : `${audit.submittedAt}#${audit.ref}`, ...audit },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

function idempotencyItem(table: TableRef, record: IdempotencyRecord, nowSeconds: number) {
  return {
    Put: {
      TableName: table.tableName,
      Item: { ...idempotencyKey(record.hash), status: 'COMPLETED', ...record, response: JSON.stringify(record.response), ttl: nowSeconds + IDEMPOTENCY_TTL_S },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

type CancellationReason = { Code?: string; Item?: Record<string, unknown> };

/** Runs a transaction; undefined when it went through, else the first item whose condition failed (with that item as stored, when asked for). */
async function transact(table: TableRef, items: TransactItems): Promise<{ index: number; item?: Record<string, unknown> } | undefined> {
  try {
    await table.doc.send(new TransactWriteCommand({ TransactItems: items }));
    return undefined;
  } catch (error) {
    if ((error as Error).name !== 'TransactionCanceledException') throw error;
    const reasons = (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
    const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
    if (index < 0) throw error;
    return { index, item: reasons[index].Item };
  }
}

/**
 * Rows that no head references: a request's own attempt before its flip (`pending`), or the attempt a
 * flip replaced (`replaced`). Written before the rows (pending) or in the flip (replaced), removed once
 * the rows are gone; whatever a crashed or timed-out request leaves, the sweep removes.
 */
export interface AttemptMarker {
  id: SubmissionId;
  attempt: string;
  rowCount: number;
  kind: 'pending' | 'replaced';
  /** ISO time the marker was written: the sweep takes only old ones. */
  createdAt: string;
  /** Set by the sweep before it deletes the rows: a flip of this attempt then fails. */
  sweeping?: boolean;
}

export function attemptMarkerKeyOf(marker: AttemptMarker): { pk: string; sk: string } {
  return attemptMarkerKey(marker.createdAt, rowsPk(marker.id, marker.attempt));
}

/** Announces an attempt before any of its rows is written (one PutItem). */
export async function putAttemptMarker(table: TableRef, marker: AttemptMarker): Promise<void> {
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { ...attemptMarkerKeyOf(marker), ...marker } }));
}

/**
 * Deletes the rows of an attempt that no head references, then its marker (rows first: a marker is
 * only gone when its rows are). Used after a flip (replaced rows), when a request gives up, and by the sweep.
 */
export async function removeAttempt(table: TableRef, marker: AttemptMarker, options?: BatchWriteOptions): Promise<void> {
  await deleteRows(table, marker.id, marker.attempt, marker.rowCount, options);
  await batchWriteAll(table, [{ DeleteRequest: { Key: attemptMarkerKeyOf(marker) } }], options);
}

/**
 * The flip (pattern 9): the head moves to `head.version` only if it still has `expectedVersion`
 * (0: no head yet) and the attempt's pending marker is still there and not being swept; with the
 * audit record, the marker of the replaced attempt and the idempotency record, all or nothing.
 */
export async function flipSubmission(
  table: TableRef,
  flip: {
    head: SubmissionHead;
    expectedVersion: number;
    audit: AuditRecord;
    pending: AttemptMarker;
    replaced?: AttemptMarker;
    idempotency?: IdempotencyRecord;
    nowSeconds: number;
  },
): Promise<FlipResult> {
  const { head } = flip;
  const items: TransactItems = [
    {
      Put: {
        TableName: table.tableName,
        Item: { ...headKey(head), ...head, response: JSON.stringify(head.response) },
        ConditionExpression: flip.expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
        ExpressionAttributeValues: flip.expectedVersion === 0 ? undefined : { ':expected': flip.expectedVersion },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    auditItem(table, flip.audit),
    {
      Delete: {
        TableName: table.tableName,
        Key: attemptMarkerKeyOf(flip.pending),
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(sweeping)',
      },
    },
  ];
  if (flip.replaced) items.push({ Put: { TableName: table.tableName, Item: { ...attemptMarkerKeyOf(flip.replaced), ...flip.replaced } } });
  const idempotencyIndex = items.length;
  if (flip.idempotency) items.push(idempotencyItem(table, flip.idempotency, flip.nowSeconds));
  const failed = await transact(table, items);
  if (failed === undefined) return { outcome: 'flipped' };
  // The cancellation reason carries the item in the wire format (the document client does not translate errors).
  if (failed.index === 0) return { outcome: 'version-conflict', current: failed.item ? stripKeys<SubmissionHead>(unmarshall(failed.item as Record<string, AttributeValue>)) : undefined };
  if (failed.index === 2) return { outcome: 'attempt-swept' };
  if (failed.index === idempotencyIndex) return { outcome: 'idempotency-conflict' };
  throw new Error('audit record already exists for this attempt');
}

/** A rejected attempt (pattern 17): its audit record, and its idempotency record when a key was sent. */
export async function recordRejectedAttempt(
  table: TableRef,
  audit: AuditRecord,
  idempotency: IdempotencyRecord | undefined,
  nowSeconds: number,
): Promise<'recorded' | 'already-recorded' | 'idempotency-conflict'> {
  const items: TransactItems = [auditItem(table, audit)];
  if (idempotency) items.push(idempotencyItem(table, idempotency, nowSeconds));
  const failed = await transact(table, items);
  if (failed?.index === 1) return 'idempotency-conflict';
  return failed?.index === 0 ? 'already-recorded' : 'recorded';
}

export async function getIdempotencyRecord(table: TableRef, hash: string): Promise<IdempotencyRecord | undefined> {
  const result = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: idempotencyKey(hash), ConsistentRead: true }));
  return result.Item ? stripKeys<IdempotencyRecord>(result.Item) : undefined;
}

/** Audit records of a sub-branch for a day, in time order (pattern 15). */
export async function queryAudit(table: TableRef, subBranch: string, date: string): Promise<AuditRecord[]> {
  const items = await queryAll<Record<string, unknown>>(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': auditPk(subBranch, date) },
  });
  return items.map((i) => stripKeys<AuditRecord>(i));
}

/** Markers written before `before` (ISO time), oldest first, at most `limit` (the sweep's page). */
export async function queryStaleAttemptMarkers(table: TableRef, before: string, limit: number): Promise<AttemptMarker[]> {
  const result = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk AND sk < :before',
      ExpressionAttributeValues: { ':pk': ATTEMPTS_PK, ':before': before },
      ConsistentRead: true,
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => stripKeys<AttemptMarker>(item));
}

/**
 * Claims a marker for the sweep: sets `sweeping` while it still exists. From then on a flip of that
 * attempt fails (its condition wants the marker without `sweeping`); false when the marker is gone
 * (the flip or a clean-up came first).
 */
export async function claimAttemptMarker(table: TableRef, marker: AttemptMarker): Promise<boolean> {
  try {
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: attemptMarkerKeyOf(marker),
        UpdateExpression: 'SET sweeping = :true',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':true': true },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
