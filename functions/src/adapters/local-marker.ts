/** The local stack's "demo data seeded" marker (local stack only; never written in AWS). */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './dynamo';

const KEY = { pk: 'LOCAL', sk: 'SEEDED' };

export async function isSeeded(table: TableRef): Promise<boolean> {
  return Boolean((await table.doc.send(new GetCommand({ TableName: table.tableName, Key: KEY }))).Item);
}

export async function markSeeded(table: TableRef, at: string): Promise<void> {
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { ...KEY, at } }));
}
