/** The DynamoDB clients, built once per container; the only place that reads the table's environment. */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface TableRef {
  /** Document client (marshalls plain JS values). */
  doc: DynamoDBDocumentClient;
  tableName: string;
}

/** A client for `endpoint` (DynamoDB Local) or for the Lambda's own region when undefined. */
export function createDynamoClient(endpoint?: string, extra: DynamoDBClientConfig = {}): DynamoDBDocumentClient {
  const config: DynamoDBClientConfig = endpoint
    ? { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, ...extra }
    : { ...extra };
  return DynamoDBDocumentClient.from(new DynamoDBClient(config), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

let cached: TableRef | undefined;

/** The table of this process: TABLE_NAME, and DYNAMODB_ENDPOINT outside AWS. Built on first use, then reused. */
export function defaultTable(): TableRef {
  const tableName = process.env.TABLE_NAME;
  if (!tableName) throw new Error('TABLE_NAME is not set');
  if (!cached || cached.tableName !== tableName) {
    cached = { doc: createDynamoClient(process.env.DYNAMODB_ENDPOINT || undefined), tableName };
  }
  return cached;
}

/** Replaces the process's table (tests and the local stack point handlers at their own table). */
export function setDefaultTable(table: TableRef | undefined): void {
  cached = table;
}
