/** Organisations, the sub-branch index and the outlet → sub-branch lookup (docs/data-model.md patterns 1–4). */
import { DeleteCommand, GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;
import { organisationSchema, type Organisation } from '#shared/org/schema';
import type { TableRef } from './dynamo';
import { orgKey, subBranchIndexKey, unitKey } from './keys';
import { queryAll } from './query-all';

const CACHE_MS = 30_000;
const cache = new Map<string, { at: number; organisation: Organisation | undefined }>();

export interface SubBranchEntry {
  subBranch: string;
  name: string;
  outletCount: number;
}

/** The organisation of a sub-branch, or undefined; cached per container for 30 s. */
export async function getOrganisation(table: TableRef, subBranch: string, now = Date.now()): Promise<Organisation | undefined> {
  const cacheKey = `${table.tableName}|${subBranch}`;
  const hit = cache.get(cacheKey);
  if (hit && now - hit.at < CACHE_MS) return hit.organisation;
  const result = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: orgKey(subBranch) }));
  const organisation = result.Item ? organisationSchema.parse(result.Item.organisation) : undefined;
  cache.set(cacheKey, { at: now, organisation });
  return organisation;
}

/** An outlet or workplace of the file is listed by another sub-branch already (its `UNIT#` item names that one). */
export class UnitOfOtherSubBranchError extends Error {
  override readonly name = 'UnitOfOtherSubBranchError';
  constructor(
    readonly unit: string,
    readonly kind: 'outlet' | 'workplace',
    readonly ownerSubBranch: string,
    readonly subBranch: string,
  ) {
    super(`${kind} ${unit} belongs to sub-branch ${ownerSubBranch}, not ${subBranch}`);
  }
}

const TRANSACTION_ITEMS = 100;

/** The sub-branch a unit's lookup item names, read again after a failed condition. */
async function ownerOf(table: TableRef, unit: string): Promise<string | undefined> {
  const result = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: unitKey(unit), ConsistentRead: true }));
  return typeof result.Item?.subBranch === 'string' ? result.Item.subBranch : undefined;
}

const CONFLICT_TRIES = 4;

/** One transaction, sent again (up to 4 tries, 20–80 ms apart with jitter) while DynamoDB cancels it for a conflicting concurrent transaction. */
async function sendWithConflictRetries(table: TableRef, transactItems: TransactItems): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await table.doc.send(new TransactWriteCommand({ TransactItems: transactItems }));
      return;
    } catch (error) {
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      const conflict = (error as Error).name === 'TransactionConflictException' || reasons.some((reason) => reason?.Code === 'TransactionConflict');
      const conditionFailed = reasons.some((reason) => reason?.Code === 'ConditionalCheckFailed');
      if (!conflict || conditionFailed || attempt >= CONFLICT_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 20));
    }
  }
}

/** Whether the stored file of `subBranch` lists `unit` (read consistently, not from the cache). */
async function listsUnit(table: TableRef, subBranch: string, unit: string): Promise<boolean> {
  const result = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: orgKey(subBranch), ConsistentRead: true }));
  if (!result.Item) return false;
  const file = organisationSchema.parse(result.Item.organisation);
  return [...file.outlets, ...(file.workplaces ?? [])].some((u) => u.code === unit);
}

/** Deletes a lookup item that still names `owner` (whose file no longer lists the unit); a changed item is left alone. */
async function releaseStaleUnit(table: TableRef, unit: string, owner: string): Promise<void> {
  await table.doc
    .send(
      new DeleteCommand({
        TableName: table.tableName,
        Key: unitKey(unit),
        ConditionExpression: 'subBranch = :owner',
        ExpressionAttributeValues: { ':owner': owner },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}

/**
 * Stores an organisation with its index entries in one transaction; units dropped from the file lose their lookup item.
 * A unit that another sub-branch lists is never taken over: each `UNIT#` Put is conditional on naming no sub-branch or
 * this one, so of two racing files listing one outlet at most one gets it; the other gets UnitOfOtherSubBranchError.
 * A lookup item whose sub-branch's file no longer lists the unit (left behind) does not block: it is released first.
 */
export async function putOrganisation(table: TableRef, organisation: Organisation, updatedBy: string, updatedAt: string): Promise<void> {
  const previous = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: orgKey(organisation.code) }));
  const units = [
    ...organisation.outlets.map((u) => ({ ...u, kind: 'outlet' as const })),
    ...(organisation.workplaces ?? []).map((u) => ({ ...u, kind: 'workplace' as const })),
  ];
  const put = (Item: Record<string, unknown>) => ({ Put: { TableName: table.tableName, Item } });
  const unitPuts = units.map((u) => ({
    Put: {
      TableName: table.tableName,
      Item: { ...unitKey(u.code), subBranch: organisation.code, name: u.name, kind: u.kind },
      ConditionExpression: 'attribute_not_exists(pk) OR subBranch = :sb',
      ExpressionAttributeValues: { ':sb': organisation.code },
    },
  }));
  // Units first, the file and the index last: when a file needs several transactions (over 98 units), a refused unit
  // stops the write before the file itself changes.
  const items: TransactItems = [
    ...unitPuts,
    put({ ...orgKey(organisation.code), organisation, updatedAt, updatedBy }),
    put({
      ...subBranchIndexKey(organisation.code),
      subBranch: organisation.code,
      name: organisation.name,
      outletCount: organisation.outlets.length,
    }),
  ];
  if (items.length > TRANSACTION_ITEMS) {
    // Several transactions are not atomic together: refuse a unit of another sub-branch before writing any.
    for (const unit of units) {
      const owner = await ownerOf(table, unit.code);
      if (owner !== undefined && owner !== organisation.code) throw new UnitOfOtherSubBranchError(unit.code, unit.kind, owner, organisation.code);
    }
  }
  for (let i = 0; i < items.length; i += TRANSACTION_ITEMS) {
    const chunk = items.slice(i, i + TRANSACTION_ITEMS);
    // A stale lookup item (its sub-branch's file no longer lists the unit) is released and the chunk sent again, a few times at most.
    for (let released = 0; ; released++) {
      try {
        await sendWithConflictRetries(table, chunk);
        break;
      } catch (error) {
        const reasons = (error as { name?: string; CancellationReasons?: { Code?: string }[] }).CancellationReasons;
        if ((error as Error).name !== 'TransactionCanceledException' || !reasons) throw error;
        const failed = reasons.findIndex((reason, index) => reason?.Code === 'ConditionalCheckFailed' && i + index < units.length);
        if (failed < 0) throw error;
        const unit = units[i + failed];
        const owner = await ownerOf(table, unit.code);
        if (owner === undefined || owner === organisation.code) {
          if (released >= 3) throw error;
          continue; // changed meanwhile: the next try decides
        }
        if (released >= 3 || (await listsUnit(table, owner, unit.code))) throw new UnitOfOtherSubBranchError(unit.code, unit.kind, owner, organisation.code);
        await releaseStaleUnit(table, unit.code, owner);
      }
    }
  }
  const before = previous.Item ? organisationSchema.parse(previous.Item.organisation) : undefined;
  const kept = new Set(units.map((u) => u.code));
  for (const unit of [...(before?.outlets ?? []), ...(before?.workplaces ?? [])]) {
    if (kept.has(unit.code)) continue;
    await table.doc.send(
      new DeleteCommand({
        TableName: table.tableName,
        Key: unitKey(unit.code),
        ConditionExpression: 'subBranch = :sb',
        ExpressionAttributeValues: { ':sb': organisation.code },
      }),
    ).catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
  }
  cache.delete(`${table.tableName}|${organisation.code}`);
}

/** Every sub-branch with an organisation (one Query on the ORGS partition). */
export async function listSubBranches(table: TableRef): Promise<SubBranchEntry[]> {
  const items = await queryAll<SubBranchEntry>(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': 'ORGS' },
  });
  return items.map((i) => ({ subBranch: i.subBranch, name: i.name, outletCount: i.outletCount }));
}

/** The sub-branch an outlet or workplace belongs to, or undefined. */
export async function findUnitSubBranch(table: TableRef, unit: string): Promise<string | undefined> {
  const result = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: unitKey(unit) }));
  return typeof result.Item?.subBranch === 'string' ? result.Item.subBranch : undefined;
}
