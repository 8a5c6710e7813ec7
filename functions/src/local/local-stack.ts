/**
 * The local stack, so that the product runs on one machine without AWS: DynamoDB Local (own process, or one already running), the table,
 * demo data on first start, and the API on 127.0.0.1 through the Lambda handlers. Optionally the
 * task pane (addin/dev/serve-pane.ts) when `paneDir` is given.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createTableIfMissing } from '../adapters/create-table';
import { createDynamoClient, setDefaultTable, type TableRef } from '../adapters/dynamo';
import type { Role } from '#shared/api/caller-claims';
import { startDynamoLocal, type DynamoLocal } from './dynamo-local';
import { createLocalApiServer, type LocalApiOptions } from './http-server';
import { createLocalSigner } from './local-token';
import { seedDemo } from './seed-demo';
import { sweepAttempts } from '../services/sweep-attempts';

export interface LocalStackOptions {
  /** Port of the API; 0 = a free port. @default 3001 (PTS_API_PORT) */
  apiPort?: number;
  /** DynamoDB Local files and the signing key; undefined = in memory, fresh key. */
  dataDir?: string;
  /** Reuse a running DynamoDB Local instead of starting one. */
  dynamoEndpoint?: string;
  /** Seed the demo sub-branch on first start. @default true */
  seed?: boolean;
  /** Serve the built task pane from here over https (PTS_PANE_PORT, default 3000). */
  paneDir?: string;
  /** Told while DynamoDB Local starts (every 10 s, and when it retries). @default nothing */
  onProgress?: (message: string) => void;
  /** Told of every API request once answered (`npm start` writes them to .data/logs/api.log). @default nothing */
  requestLog?: LocalApiOptions['requestLog'];
  /** Table name. @default 'pts-local' (PTS_TABLE_NAME) */
  tableName?: string;
}

export interface LocalStack {
  apiUrl: string;
  tokens: Record<Role, string>;
  /** The task pane's https URL when `paneDir` was given. */
  paneUrl?: string;
  /** Whether this start wrote the demo data. */
  seeded: boolean;
  /** What the user should know about this start (DynamoDB Local on all interfaces without a JDK). */
  warnings: string[];
  close(): Promise<void>;
}

export const LOCAL_TABLE_NAME = 'pts-local';

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const cleanups: (() => Promise<void>)[] = [];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    cleanups.length = 0;
  };
  try {
    let dynamo: DynamoLocal | undefined;
    if (!options.dynamoEndpoint) {
      dynamo = await startDynamoLocal({ dataDir: options.dataDir ? join(options.dataDir, 'dynamodb') : undefined, onProgress: options.onProgress });
      const started = dynamo;
      cleanups.push(() => started.close());
    }
    const endpoint = options.dynamoEndpoint ?? (dynamo as DynamoLocal).endpoint;
    const table: TableRef = { doc: createDynamoClient(endpoint), tableName: options.tableName ?? process.env.PTS_TABLE_NAME ?? LOCAL_TABLE_NAME };
    await createTableIfMissing(table.doc, table.tableName);
    process.env.TABLE_NAME = table.tableName;
    process.env.DYNAMODB_ENDPOINT = endpoint;
    process.env.POWERTOOLS_SERVICE_NAME ??= 'pts';
    process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
    process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
    setDefaultTable(table);
    const seeded = options.seed === false ? false : await seedDemo(table);
    // As the hourly schedule does in AWS: remove the rows of abandoned submission attempts, now and every hour.
    const sweep = () => void sweepAttempts({ table, now: () => new Date() }).catch(() => undefined);
    sweep();
    const sweepTimer = setInterval(sweep, 3_600_000);
    sweepTimer.unref();
    cleanups.push(async () => clearInterval(sweepTimer));

    const signer = createLocalSigner(options.dataDir);
    const server = createLocalApiServer({ signer, defaults: { subBranch: '3301', outlet: '3301001' }, requestLog: options.requestLog });
    const port = options.apiPort ?? Number(process.env.PTS_API_PORT ?? 3001);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const warnings: string[] = [...(dynamo?.warnings ?? [])];
    let paneUrl: string | undefined;
    if (options.paneDir) {
      try {
        const { startPaneServer } = await import('#addin-dev/serve-pane');
        const pane = await startPaneServer({
          port: Number(process.env.PTS_PANE_PORT ?? 3000),
          host: 'localhost',
          apiUrl,
          certDir: join(options.dataDir ?? tmpdir(), 'certs'),
          paneDir: options.paneDir,
        });
        cleanups.push(() => pane.close());
        paneUrl = pane.url;
      } catch (error) {
        // The API is useful without the pane (CLI, curl): say why and go on.
        warnings.push(`任务窗格未启动 / task pane not started: ${(error as Error).message}`);
      }
    }

    const tokens: Record<Role, string> = {
      outlet_head: signer.sign({ role: 'outlet_head', subBranch: '3301', outlet: '3301001' }),
      subbranch_manager: signer.sign({ role: 'subbranch_manager', subBranch: '3301' }),
      auditor: signer.sign({ role: 'auditor' }),
    };
    return { apiUrl, tokens, paneUrl, seeded, warnings, close };
  } catch (error) {
    await close();
    throw error;
  }
}
