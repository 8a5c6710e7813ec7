/** A fresh table on the run's DynamoDB Local (started by test/global-setup.ts) for one test file. */
import { randomBytes } from 'node:crypto';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { createDynamoClient, type TableRef } from '#functions/adapters/dynamo';
import { createTableIfMissing } from '#functions/adapters/create-table';

export function testEndpoint(): string {
  const endpoint = process.env.PTS_TEST_DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('PTS_TEST_DYNAMODB_ENDPOINT is not set: run through jest (test/global-setup.ts)');
  return endpoint;
}

/** Creates a table with a unique name (prefix + random) and returns a document client on it. */
export async function createTestTable(prefix: string, extra: DynamoDBClientConfig = {}): Promise<TableRef> {
  const tableName = `${prefix}-${randomBytes(4).toString('hex')}`;
  const doc = createDynamoClient(testEndpoint(), extra);
  await createTableIfMissing(doc, tableName);
  return { doc, tableName };
}
