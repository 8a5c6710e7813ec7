/**
 * The API's routes and what each handler needs, free of CDK imports so that the local stack can read them too.
 * The DynamoDB actions a handler may be granted (IAM names without `dynamodb:`). TransactWriteItems is authorised per item action.
 */
export type TableAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'BatchWriteItem' | 'ConditionCheckItem';

/** Actions that only read: a function with only these gets kms:Decrypt and no encryption rights. */
export const READ_ACTIONS: readonly TableAction[] = ['GetItem', 'BatchGetItem', 'Query', 'ConditionCheckItem'];

/** The handler files of the routes (functions/src/handlers/<name>.ts), one Lambda function each. */
export type ApiHandlerName =
  | 'get-health'
  | 'post-submission'
  | 'get-submission'
  | 'get-consolidated'
  | 'get-consolidated-xlsx'
  | 'get-audit'
  | 'get-templates'
  | 'get-template-xlsx'
  | 'put-template'
  | 'put-org'
  | 'get-org';

/**
 * One route of contract.md, the handler behind it and what that handler needs. The one list of the
 * API's routes: the CDK HTTP API (ApiStack) and the local stack (functions/src/local/routes.ts) both read it.
 */
export interface ApiRouteDefinition {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  /** File name in functions/src/handlers/ without .ts. */
  readonly handlerName: ApiHandlerName;
  readonly description: string;
  /** Only GET /health is public. */
  readonly public: boolean;
  /** Exactly the table actions the handler's access patterns use (docs/data-model.md); empty: no table access. */
  readonly tableActions: readonly TableAction[];
  readonly memorySizeMb: number;
  readonly timeoutSeconds: number;
  /**
   * Reserved concurrency in prod: caps the functions that write (or read whole sub-branches into
   * .xlsx) so that a burst cannot throttle the table for everyone else or starve the account.
   * @default - none
   */
  readonly prodReservedConcurrency?: number;
}

/**
 * The HTTP API of contract.md. API Gateway path variables are whole segments, so
 * GET /templates/{id}/{version}.xlsx is routed as /templates/{id}/{version} with `version` = '1.xlsx'
 * (the handler strips the extension); PUT /templates/{id}/{version} shares the path.
 */
export const API_ROUTES: readonly ApiRouteDefinition[] = [
  // GetItem of one key never written: /health says when the table cannot be reached (checked at most every 5 s per container).
  { method: 'GET', path: '/health', handlerName: 'get-health', description: 'GET /health: liveness and table reachability', public: true, tableActions: ['GetItem'], memorySizeMb: 256, timeoutSeconds: 3 },
  {
    method: 'POST', path: '/submissions', handlerName: 'post-submission',
    description: 'POST /submissions: checks and stores an outlet sheet (JSON or .xlsx), idempotent',
    public: false, tableActions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'DeleteItem', 'BatchWriteItem'], memorySizeMb: 1024, timeoutSeconds: 20, prodReservedConcurrency: 50,
  },
  {
    method: 'GET', path: '/submissions/{outlet}/{template}/{period}', handlerName: 'get-submission',
    description: 'GET /submissions/{outlet}/{template}/{period}: one submission', public: false, tableActions: ['GetItem', 'Query'], memorySizeMb: 512, timeoutSeconds: 10,
  },
  {
    method: 'GET', path: '/consolidated', handlerName: 'get-consolidated',
    description: 'GET /consolidated: ranked summary of a sub-branch', public: false, tableActions: ['GetItem', 'Query'], memorySizeMb: 1024, timeoutSeconds: 20,
  },
  {
    method: 'GET', path: '/consolidated.xlsx', handlerName: 'get-consolidated-xlsx',
    description: 'GET /consolidated.xlsx: ranked summary as a workbook', public: false, tableActions: ['GetItem', 'Query'], memorySizeMb: 1536, timeoutSeconds: 28, prodReservedConcurrency: 10,
  },
  {
    method: 'GET', path: '/audit', handlerName: 'get-audit',
    description: 'GET /audit: compliance of a day, per sub-branch or per outlet', public: false, tableActions: ['GetItem', 'Query'], memorySizeMb: 1024, timeoutSeconds: 20,
  },
  {
    method: 'GET', path: '/templates', handlerName: 'get-templates',
    description: 'GET /templates: the current templates', public: false, tableActions: ['Query'], memorySizeMb: 512, timeoutSeconds: 10,
  },
  {
    method: 'GET', path: '/templates/{id}/{version}', handlerName: 'get-template-xlsx',
    description: 'GET /templates/{id}/{version}.xlsx: a blank template workbook', public: false, tableActions: ['Query'], memorySizeMb: 1024, timeoutSeconds: 20,
  },
  {
    method: 'PUT', path: '/templates/{id}/{version}', handlerName: 'put-template',
    description: 'PUT /templates/{id}/{version}: issues a template version (auditor)', public: false, tableActions: ['Query', 'PutItem', 'UpdateItem'], memorySizeMb: 512, timeoutSeconds: 10, prodReservedConcurrency: 2,
  },
  {
    method: 'PUT', path: '/org/{subBranch}', handlerName: 'put-org',
    description: 'PUT /org/{subBranch}: replaces an organisation file (auditor)', public: false, tableActions: ['GetItem', 'PutItem', 'DeleteItem'], memorySizeMb: 512, timeoutSeconds: 10, prodReservedConcurrency: 2,
  },
  {
    method: 'GET', path: '/org/{subBranch}', handlerName: 'get-org',
    description: 'GET /org/{subBranch}: the organisation file (outlet heads: what their checks need)', public: false, tableActions: ['GetItem'], memorySizeMb: 256, timeoutSeconds: 10,
  },
];
