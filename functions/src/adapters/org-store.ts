/** Organisations, the sub-branch index and the outlet → sub-branch lookup (docs/data-model.md patterns 1–4). */
import { DeleteCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { organisationSchema, type Organisation } from '../../../shared/src/org/schema';
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

/** Stores an organisation with its index entries in one transaction; units dropped from the file lose their lookup item. */
export async function putOrganisation(table: TableRef, organisation: Organisation, updatedBy: string, updatedAt: string): Promise<void> {
  const previous = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: orgKey(organisation.code) }));
  const units = [
    ...organisation.outlets.map((u) => ({ ...u, kind: 'outlet' })),
    ...(organisation.workplaces ?? []).map((u) => ({ ...u, kind: 'workplace' })),
  ];
  const put = (Item: Record<string, unknown>) => ({ Put: { TableName: table.tableName, Item } });
  const items = [
    put({ ...orgKey(organisation.code), organisation, updatedAt, updatedBy }),
    put({
      ...subBranchIndexKey(organisation.code),
      subBranch: organisation.code,
      name: organisation.name,
      outletCount: organisation.outlets.length,
    }),
    ...units.map((u) => put({ ...unitKey(u.code), subBranch: organisation.code, name: u.name, kind: u.kind })),
  ];
  for (let i = 0; i < items.length; i += 100) {
    await table.doc.send(new TransactWriteCommand({ TransactItems: items.slice(i, i + 100) }));
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
