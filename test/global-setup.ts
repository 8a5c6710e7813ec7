/**
 * Jest global setup: one DynamoDB Local (in memory) for the whole run, on a free port.
 * Its endpoint goes to the test workers through PTS_TEST_DYNAMODB_ENDPOINT; each test file
 * creates its own table, so files run in parallel.
 */
// Global setup runs outside Jest's module map, so its imports stay relative.
import { startDynamoLocal, type DynamoLocal } from '../functions/src/local/dynamo-local';

declare global {
  var __PTS_DYNAMO_LOCAL__: DynamoLocal | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.PTS_TEST_DYNAMODB_ENDPOINT) return;
  const started = Date.now();
  // Under load Java may take a while: say so rather than look stuck (the deadline and one retry are startDynamoLocal's).
  const local = await startDynamoLocal({ onProgress: (message) => process.stderr.write(`[global-setup] ${message}\n`) });
  if (Date.now() - started > 20_000) process.stderr.write(`[global-setup] DynamoDB Local answered after ${Math.round((Date.now() - started) / 1000)} s\n`);
  for (const warning of local.warnings) process.stderr.write(`[global-setup] ${warning}\n`);
  globalThis.__PTS_DYNAMO_LOCAL__ = local;
  process.env.PTS_TEST_DYNAMODB_ENDPOINT = local.endpoint;
  const stop = (): void => {
    try {
      process.kill(local.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
}
