/**
 * The table actions granted to each function (infra/lib/api-routes.ts) must be exactly those of the
 * DynamoDB commands its handler really sends: each handler is bundled (tree-shaken, not minified, AWS SDK
 * external) and the commands left in the bundle are mapped to the IAM actions they need.
 */
import { build } from 'esbuild';
import { API_ROUTES, type TableAction } from '#infra/api-routes';
import { ATTEMPT_SWEEP_FUNCTION } from '#infra/constructs/attempt-sweep';
import { handlerBuildOptions } from '#infra/function-bundling';

/** IAM actions a DynamoDB document-client or low-level command needs. */
const COMMAND_ACTIONS: Record<string, string[]> = {
  GetCommand: ['GetItem'],
  GetItemCommand: ['GetItem'],
  BatchGetCommand: ['BatchGetItem'],
  BatchGetItemCommand: ['BatchGetItem'],
  QueryCommand: ['Query'],
  PutCommand: ['PutItem'],
  PutItemCommand: ['PutItem'],
  UpdateCommand: ['UpdateItem'],
  UpdateItemCommand: ['UpdateItem'],
  DeleteCommand: ['DeleteItem'],
  DeleteItemCommand: ['DeleteItem'],
  BatchWriteCommand: ['BatchWriteItem'],
  BatchWriteItemCommand: ['BatchWriteItem'],
  ScanCommand: ['Scan'],
  TransactGetCommand: ['GetItem'],
  TransactGetItemsCommand: ['GetItem'],
  DescribeTableCommand: ['DescribeTable'],
  CreateTableCommand: ['CreateTable'],
  UpdateTimeToLiveCommand: ['UpdateTimeToLive'],
};

/** Item actions inside TransactWriteItems, each authorised by its own IAM action. */
const TRANSACT_ITEM_ACTIONS: Record<string, string> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' };

async function actionsUsedBy(handlerName: string): Promise<string[]> {
  const result = await build({ ...handlerBuildOptions(handlerName), minify: false, write: false });
  const code = result.outputFiles[0].text;
  const used = new Set<string>();
  for (const [command, actions] of Object.entries(COMMAND_ACTIONS)) {
    if (new RegExp(`\\b${command}\\b`).test(code)) actions.forEach((action) => used.add(action));
  }
  if (/\bTransactWrite(Items)?Command\b/.test(code)) {
    for (const [item, action] of Object.entries(TRANSACT_ITEM_ACTIONS)) {
      if (new RegExp(`\\b${item}:\\s*\\{`).test(code)) used.add(action);
    }
  }
  return [...used].sort();
}

/** Every function and the table actions it is granted: the routes' handlers and the scheduled sweep. */
const GRANTS: { handlerName: string; tableActions: readonly TableAction[] }[] = [...API_ROUTES, ATTEMPT_SWEEP_FUNCTION];

describe('table grants of the functions', () => {
  const handlers = [...new Set(GRANTS.map((route) => route.handlerName))];
  const usedByHandler = new Map<string, string[]>();

  beforeAll(async () => {
    for (const handler of handlers) usedByHandler.set(handler, await actionsUsedBy(handler));
  });

  it.each(handlers)('grants %s every table action its code sends', (handler) => {
    const granted = new Set<string>(GRANTS.find((route) => route.handlerName === handler)?.tableActions);
    const missing = (usedByHandler.get(handler) ?? []).filter((action) => !granted.has(action));
    expect(missing).toEqual([]);
  });

  it.each(handlers)('grants %s no table action its code never sends', (handler) => {
    const used = new Set(usedByHandler.get(handler));
    const unused = (GRANTS.find((route) => route.handlerName === handler)?.tableActions ?? []).filter((action) => !used.has(action));
    expect(unused).toEqual([]);
  });

  it('finds the commands of the writers (the scan is not blind)', () => {
    expect(usedByHandler.get('post-submission')).toEqual(expect.arrayContaining(['BatchWriteItem', 'PutItem']));
    expect(usedByHandler.get('get-health')).toEqual(['GetItem']);
    expect(usedByHandler.get('sweep-attempts')).toEqual(expect.arrayContaining(['UpdateItem', 'BatchWriteItem']));
  });
});
