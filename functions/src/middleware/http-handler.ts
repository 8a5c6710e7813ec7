/**
 * The one wrapping style of every HTTP handler: middy with Powertools' logger (correlation id =
 * the API Gateway request id) and metrics, the event checked with zod (middleware/http-event.ts), then authentication (claims from the
 * HTTP API JWT authorizer, and the bearer verified again with aws-jwt-verify when USER_POOL_ID is
 * set), and every thrown error mapped by `toHttpResponse`.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type * as z from '#shared/zod';
import { callerFromClaims, type Caller } from '../services/caller';
import { UnauthorizedError } from '../services/errors';
import { logger, metrics } from './powertools';
import { httpEventSchema, withJsonBody, type HttpEvent } from './http-event';
import { toHttpResponse } from './to-http-response';

export type HttpResult = APIGatewayProxyStructuredResultV2;
/** An HTTP API event whose body a route schema may have parsed already. */
export type ParsedHttpEvent = Omit<HttpEvent, 'body'> & { body?: unknown };
export { httpEventSchema, withJsonBody, type HttpEvent };

type IdVerifier = { verify(token: string): Promise<Record<string, unknown>> };
let verifier: IdVerifier | undefined;

function cognitoVerifier(): IdVerifier | undefined {
  const userPoolId = process.env.USER_POOL_ID;
  if (!userPoolId) return undefined;
  if (!verifier) {
    const created = CognitoJwtVerifier.create({ userPoolId, tokenUse: 'id', clientId: process.env.USER_POOL_CLIENT_ID ?? null });
    verifier = { verify: async (token) => (await created.verify(token)) as unknown as Record<string, unknown> };
  }
  return verifier;
}

/** The caller of a request; 401 without claims or with a bearer that fails verification. */
export async function authenticate(event: ParsedHttpEvent): Promise<Caller> {
  const claims = event.requestContext.authorizer?.jwt?.claims as Record<string, unknown> | undefined;
  const check = cognitoVerifier();
  if (check) {
    const header = event.headers.authorization ?? event.headers.Authorization ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (!token) throw new UnauthorizedError('no bearer token');
    try {
      return callerFromClaims(await check.verify(token));
    } catch (error) {
      if (error instanceof Error && /^(Forbidden|Unauthorized)Error$/.test(error.name)) throw error;
      throw new UnauthorizedError('the bearer token failed verification');
    }
  }
  return callerFromClaims(claims);
}

export interface HttpRouteOptions<S extends z.ZodType<ParsedHttpEvent>> {
  /** Event schema (default: the HTTP API v2 event; extend it to type and check a JSON body). */
  schema?: S;
}

export type LambdaHttpHandler = (event: unknown, context: Context) => Promise<HttpResult>;

/** Wraps a signed-in route body `(event, caller) => result` with the project's middleware. */
export function httpRoute<S extends z.ZodType<ParsedHttpEvent> = typeof httpEventSchema>(
  route: (event: z.infer<S>, caller: Caller, context: Context) => Promise<HttpResult>,
  options: HttpRouteOptions<S> = {},
): LambdaHttpHandler {
  return wrap(async (event: z.infer<S>, context: Context) => route(event, await authenticate(event), context), options.schema);
}

/** Wraps a route open to anyone (GET /health). */
export function publicHttpRoute(route: (event: HttpEvent) => Promise<HttpResult>): LambdaHttpHandler {
  return wrap<typeof httpEventSchema>(route, undefined);
}

/** The API Gateway request id as the logger's correlation id (what correlationPaths.API_GATEWAY_HTTP selects, without JMESPath). */
const correlationId: middy.MiddlewareObj = {
  before: async (request) => {
    const event = request.event as { requestContext?: { requestId?: unknown } };
    if (typeof event?.requestContext?.requestId === 'string') logger.setCorrelationId(event.requestContext.requestId);
    metrics.addMetric('ApiRequest', MetricUnit.Count, 1);
  },
};

/** Checks and types the event with `schema` (a bad event or body is a ZodError: 400). */
function parseEvent(schema: z.ZodType): middy.MiddlewareObj {
  return {
    before: async (request) => {
      request.event = schema.parse(request.event);
    },
  };
}

function wrap<S extends z.ZodType<ParsedHttpEvent>>(handle: (event: z.infer<S>, context: Context) => Promise<HttpResult>, eventSchema: S | undefined): LambdaHttpHandler {
  const schema = (eventSchema ?? httpEventSchema) as S;
  const errorsToHttp: middy.MiddlewareObj = {
    onError: async (request) => {
      const response = toHttpResponse(request.error);
      if ((response.statusCode ?? 500) >= 500) logger.error('request failed', { error: request.error as Error });
      else logger.info('request refused', { statusCode: response.statusCode, error: (request.error as Error)?.message });
      request.response = response;
    },
  };
  return middy<unknown, HttpResult>()
    .use(errorsToHttp)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(correlationId)
    .use(logMetrics(metrics))
    .use(parseEvent(schema))
    .handler(handle as (event: unknown, context: Context) => Promise<HttpResult>) as unknown as LambdaHttpHandler;
}
