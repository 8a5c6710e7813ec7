/** Whether the table answers at all: one GetItem of a key that is never written (GET /health). */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './dynamo';

const HEALTH_KEY = { pk: 'HEALTH', sk: 'HEALTH' };

export interface TableHealth {
  reachable: boolean;
  /** Name of the error when it is not reachable (never its message: that may name the endpoint). */
  error?: string;
}

/** One GetItem with a deadline of `timeoutMs`, no SDK retries beyond the client's own; never throws. */
export async function checkTableReachable(table: TableRef, timeoutMs: number): Promise<TableHealth> {
  try {
    await table.doc.send(new GetCommand({ TableName: table.tableName, Key: HEALTH_KEY }), { abortSignal: AbortSignal.timeout(timeoutMs) });
    return { reachable: true };
  } catch (error) {
    return { reachable: false, error: (error as Error)?.name ?? 'Error' };
  }
}
