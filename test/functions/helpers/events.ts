/** HTTP API (payload v2) events as API Gateway hands them to the functions, with the JWT authorizer's claims. */
import type { Context } from 'aws-lambda';
import type { Role } from '#shared/api/caller-claims';

export interface EventOptions {
  method?: string;
  path: string;
  routeKey?: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
  /** JWT claims; undefined = no authorizer result (no token). */
  claims?: Record<string, string>;
}

export function httpEvent(options: EventOptions): Record<string, unknown> {
  const method = options.method ?? 'GET';
  const query = options.query ?? {};
  const event: Record<string, unknown> = {
    version: '2.0',
    routeKey: options.routeKey ?? `${method} ${options.path}`,
    rawPath: options.path,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: { host: 'api.example.test', ...(options.headers ?? {}) },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: { method, path: options.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: options.routeKey ?? `${method} ${options.path}`,
      stage: '$default',
      time: '25/Nov/2026:12:00:00 +0000',
      timeEpoch: 1795608000000,
      ...(options.claims ? { authorizer: { jwt: { claims: options.claims, scopes: null } } } : {}),
    },
    isBase64Encoded: options.isBase64Encoded ?? false,
  };
  if (Object.keys(query).length > 0) event.queryStringParameters = query;
  if (options.pathParameters) event.pathParameters = options.pathParameters;
  if (options.body !== undefined) event.body = options.body;
  return event;
}

export function claimsFor(role: Role, scope: { subBranch?: string; outlet?: string } = {}, sub = `user-${role}-${scope.outlet ?? scope.subBranch ?? 'all'}`): Record<string, string> {
  const claims: Record<string, string> = { sub, 'custom:role': role };
  if (scope.subBranch) claims['custom:subBranch'] = scope.subBranch;
  if (scope.outlet) claims['custom:outlet'] = scope.outlet;
  return claims;
}

/** A Lambda context as the handlers use it: the time left (a fresh 20 s budget at every call, as for a new request). */
export const lambdaContext = { getRemainingTimeInMillis: () => 20_000 } as Context;

/** The JSON body of a handler's answer. */
export function bodyOf(result: { body?: string }): Record<string, unknown> {
  return JSON.parse(result.body ?? 'null') as Record<string, unknown>;
}
