/**
 * The local API: a node:http server that turns each request into a real API Gateway HTTP API
 * (payload v2) event, verifies the bearer as the JWT authorizer would, and calls the same handlers
 * the Lambda functions run. Also serves POST /local/token (local stack only) and CORS for the pane.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Context } from 'aws-lambda';
import { localTokenRequestSchema, type LocalTokenAnswer } from '#shared/api/local-token-request';
import { redactLogValue } from '../middleware/redact-log-value';
import type { LocalSigner } from './local-token';
import { matchRoute } from './routes';

const MAX_BODY_BYTES = 10 * 1024 * 1024; // API Gateway's own limit; the handler refuses above 5 MB itself
const ALLOWED_ORIGINS = new Set(['https://localhost:3000', 'https://127.0.0.1:3000']);
const TEXT_TYPES = /^(application\/(json|x-www-form-urlencoded|xml)|text\/)/i;

/** One line of the local stack's request log (JSON lines in .data/logs/api.log under `npm start`). */
export interface LocalRequestLogEntry {
  level: 'INFO' | 'WARN' | 'ERROR';
  message: string;
  method: string;
  /** Path without the query string, phone numbers masked. */
  path: string;
  status: number;
  ms: number;
}

export interface LocalApiOptions {
  /** Told of every request once it is answered (and of every failure); never holds a query string, a token or a phone. */
  requestLog?: (entry: LocalRequestLogEntry) => void;
  signer: LocalSigner;
  /** Defaults for POST /local/token when subBranch / outlet are left out. */
  defaults: { subBranch: string; outlet: string };
}

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...headers });
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !ALLOWED_ORIGINS.has(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET,POST,PUT,OPTIONS',
    'access-control-allow-headers': 'authorization,content-type,idempotency-key',
    'access-control-expose-headers': 'content-disposition,idempotent-replayed,retry-after',
    'access-control-max-age': '600',
    vary: 'origin',
  };
}


function lambdaContext(name: string, requestId: string, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `pts-local-${name}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:pts-local-${name}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/pts-local-${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export function createLocalApiServer(options: LocalApiOptions): Server {
  return createServer((req, res) => {
    const started = Date.now();
    const path = redactLogValue('path', safePathForLog(req.url)) as string;
    res.once('finish', () =>
      options.requestLog?.({ level: res.statusCode >= 500 ? 'ERROR' : 'INFO', message: 'request', method: req.method ?? 'GET', path, status: res.statusCode, ms: Date.now() - started }),
    );
    handle(req, res, options).catch((error: unknown) => {
      // Whatever failed, the answer says nothing of the internals and the process goes on (the log keeps the reason).
      options.requestLog?.({ level: 'ERROR', message: `request failed: ${String((error as Error)?.name ?? 'Error')}`, method: req.method ?? 'GET', path, status: 500, ms: Date.now() - started });
      if (res.headersSent) {
        res.destroy();
        return;
      }
      json(res, 500, { code: 'internal-error', message_zh: '服务器内部错误，请稍后重试', message_en: 'internal server error, please retry later' });
    });
  });
}

/** The path of a request for a log line: no query string (it may hold anything), at most 200 characters. */
function safePathForLog(url: string | undefined): string {
  return (url ?? '/').split('?')[0].slice(0, 200);
}

/** True when every %-escape of the path decodes (`/%E0%A4%A` does not: a 400, never a thrown URIError). */
function isDecodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** A JSON body, or undefined when the text is not JSON (an empty body is `{}`). */
function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, options: LocalApiOptions): Promise<void> {
  const cors = corsHeaders(req);
  const method = req.method ?? 'GET';
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return json(res, 400, { code: 'bad-path', message_zh: '请求路径无效', message_en: 'the request path is not valid' }, cors);
  }
  if (!isDecodablePath(url.pathname)) {
    return json(res, 400, { code: 'bad-path', message_zh: '请求路径中的 % 转义无效', message_en: 'the request path holds an invalid % escape' }, cors);
  }
  if (method === 'OPTIONS') return send(res, 204, '', cors);
  const body = await readBody(req);
  if (body === 'too-large') return json(res, 413, { code: 'payload-too-large', message_zh: '请求内容过大', message_en: 'request body too large' }, cors);

  if (method === 'POST' && url.pathname === '/local/token') {
    const tokenBody = parseJsonBody(body.toString('utf8'));
    if (tokenBody === undefined) {
      return json(res, 400, { code: 'bad-request', message_zh: '请求内容不是有效的 JSON', message_en: 'the request body is not valid JSON' }, cors);
    }
    const parsed = localTokenRequestSchema.safeParse(tokenBody);
    if (!parsed.success) return json(res, 400, { code: 'bad-request', message_zh: '角色无效', message_en: 'role must be outlet_head, subbranch_manager or auditor' }, cors);
    const request = { ...parsed.data };
    if (request.role !== 'auditor') request.subBranch ??= options.defaults.subBranch;
    if (request.role === 'outlet_head') request.outlet ??= options.defaults.outlet;
    return json(res, 200, { token: options.signer.sign(request) } satisfies LocalTokenAnswer, cors);
  }

  const matched = matchRoute(method, url.pathname);
  if (!matched) return json(res, 404, { code: 'not-found', message_zh: '没有这个接口', message_en: 'no such route' }, cors);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;

  let claims: Record<string, unknown> | undefined;
  if (!matched.route.public) {
    const token = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1];
    try {
      if (!token) throw new Error('no token');
      claims = await options.signer.verify(token);
    } catch {
      return json(res, 401, { code: 'unauthorized', message_zh: '需要有效的登录令牌', message_en: 'a valid bearer token is required' }, cors);
    }
  }

  const requestId = randomUUID();
  const binary = body.length > 0 && !TEXT_TYPES.test(headers['content-type'] ?? '');
  const query = Object.fromEntries(url.searchParams.entries());
  const routeKey = `${method} ${matched.route.path}`;
  const event: Record<string, unknown> = {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: { method, path: url.pathname, protocol: `HTTP/${req.httpVersion}`, sourceIp: '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId,
      routeKey,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
    isBase64Encoded: binary,
  };
  if (Object.keys(query).length > 0) event.queryStringParameters = query;
  if (Object.keys(matched.pathParameters).length > 0) event.pathParameters = matched.pathParameters;
  if (body.length > 0) event.body = binary ? body.toString('base64') : body.toString('utf8');

  // As on Lambda: past the function's timeout the caller gets a 503 and the result, if any, is dropped.
  // (Lambda would also stop the code; here it runs on, and a submission checks its time before it commits.)
  const timeoutMs = matched.route.timeoutSeconds * 1000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const handled = matched.route.handler(event, lambdaContext(routeKey.replace(/\W+/g, '-'), requestId, timeoutMs));
  const result = await Promise.race([handled, timedOut]).finally(() => clearTimeout(timer));
  if (result === 'timeout') {
    handled.catch(() => undefined);
    return json(res, 503, { code: 'function-timeout', message_zh: `处理超时（${timeoutMs / 1000} 秒），请稍后重试`, message_en: `the function timed out after ${timeoutMs / 1000} s; please retry` }, { ...cors, 'retry-after': '5' });
  }
  const responseBody = result.body === undefined ? '' : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  const responseHeaders: Record<string, string> = { ...cors };
  for (const [name, value] of Object.entries(result.headers ?? {})) responseHeaders[name] = String(value);
  send(res, result.statusCode ?? 200, responseBody, responseHeaders);
}
