/** Stored template versions and which one is current (patterns 5 and 6). Built-in specs are not stored. */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './dynamo';
import { templateCurrentKey, templateSpecKey } from './keys';
import { queryAll } from './query-all';

export interface StoredTemplates {
  /** Raw spec JSON of every stored version. */
  specs: unknown[];
  /** Current version by template id, as stored. */
  current: Record<string, number>;
}

const CACHE_MS = 30_000;
const cache = new Map<string, { at: number; value: StoredTemplates }>();

/** All stored versions and current pointers in one Query; cached per container for 30 s. */
export async function listStoredTemplates(table: TableRef, now = Date.now()): Promise<StoredTemplates> {
  const hit = cache.get(table.tableName);
  if (hit && now - hit.at < CACHE_MS) return hit.value;
  const items = await queryAll<{ sk: string; spec?: string; version?: number }>(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': 'TEMPLATES' },
  });
  const value: StoredTemplates = { specs: [], current: {} };
  for (const item of items) {
    if (item.sk.startsWith('SPEC#') && item.spec) value.specs.push(JSON.parse(item.spec));
    if (item.sk.startsWith('CURRENT#') && typeof item.version === 'number') value.current[item.sk.slice('CURRENT#'.length)] = item.version;
  }
  cache.set(table.tableName, { at: now, value });
  return value;
}

/** Stores a new version; false when that version is stored already (nothing changed). */
export async function putTemplateVersion(
  table: TableRef,
  spec: { id: string; version: number },
  rawSpec: unknown,
  storedBy: string,
  storedAt: string,
): Promise<boolean> {
  try {
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...templateSpecKey(spec.id, spec.version), spec: JSON.stringify(rawSpec), storedAt, storedBy },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
  // The current pointer only moves up: an older version stored later does not become current.
  await table.doc
    .send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: templateCurrentKey(spec.id),
        UpdateExpression: 'SET version = :v',
        ConditionExpression: 'attribute_not_exists(version) OR version < :v',
        ExpressionAttributeValues: { ':v': spec.version },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
  cache.delete(table.tableName);
  return true;
}
