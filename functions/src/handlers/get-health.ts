/**
 * GET /health: open to anyone. Says whether the table can be reached (one GetItem of a key never written,
 * at most once per 5 s per container, so an open route cannot multiply table traffic): 200 `ok`, or 503
 * `unavailable` with Retry-After. A process without a table (TABLE_NAME unset) has nothing to check.
 */
import { checkTableReachable } from '../adapters/table-health';
import { defaultTable } from '../adapters/dynamo';
import { publicHttpRoute } from '../middleware/http-handler';
import { jsonResponse } from '../middleware/responses';
import { RETRY_AFTER_OUTAGE_SECONDS } from '../middleware/to-http-response';

const CHECK_EVERY_MS = 5_000;
const CHECK_TIMEOUT_MS = 1_500;
let last: { at: number; tableName: string; reachable: boolean } | undefined;

export const handler = publicHttpRoute(async () => {
  if (!process.env.TABLE_NAME) return jsonResponse(200, { status: 'ok', service: 'pts' });
  const table = defaultTable();
  const now = Date.now();
  if (!last || last.tableName !== table.tableName || now - last.at >= CHECK_EVERY_MS) {
    const { reachable } = await checkTableReachable(table, CHECK_TIMEOUT_MS);
    last = { at: Date.now(), tableName: table.tableName, reachable };
  }
  if (last.reachable) return jsonResponse(200, { status: 'ok', service: 'pts', table: 'ok' });
  return jsonResponse(
    503,
    {
      status: 'unavailable',
      service: 'pts',
      table: 'unreachable',
      code: 'dependency-unavailable',
      message_zh: '数据库暂时无法访问',
      message_en: 'the database cannot be reached',
    },
    { 'retry-after': String(RETRY_AFTER_OUTAGE_SECONDS) },
  );
});
