/**
 * The one wrapping style of every HTTP handler: middy with Powertools' logger (correlation id =
 * the API Gateway request id), tracer, metrics and parser, then authentication (claims from the
 * HTTP API JWT authorizer, and the bearer verified again with aws-jwt-verify when USER_POOL_ID is
 * set), and every thrown error mapped by `toHttpResponse`.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { correlationPaths } from '@aws-lambda-powertools/logger/correlationId';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import { APIGatewayProxyEventV2Schema } from '@aws-lambda-powertools/parser/schemas';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type * as z from 'zod';
import { callerFromClaims, type Caller } from '../services/caller';
import { UnauthorizedError } from '../services/errors';
import { logger, metrics, tracer } from './powertools';
import { toHttpResponse } from './to-http-response';

export type HttpEvent = z.infer<typeof APIGatewayProxyEventV2Schema>;
export type HttpResult = APIGatewayProxyStructuredResultV2;
/** An HTTP API event whose body a route schema may have parsed already. */
export type ParsedHttpEvent = Omit<HttpEvent, 'body'> & { body?: unknown };
export { APIGatewayProxyEventV2Schema as httpEventSchema };

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
export function httpRoute<S extends z.ZodType<ParsedHttpEvent> = typeof APIGatewayProxyEventV2Schema>(
  route: (event: z.infer<S>, caller: Caller) => Promise<HttpResult>,
  options: HttpRouteOptions<S> = {},
): LambdaHttpHandler {
  return wrap(async (event: z.infer<S>) => route(event, await authenticate(event)), options.schema);
}

/** Wraps a route open to anyone (GET /health). */
export function publicHttpRoute(route: (event: HttpEvent) => Promise<HttpResult>): LambdaHttpHandler {
  return wrap<typeof APIGatewayProxyEventV2Schema>(route, undefined);
}

function wrap<S extends z.ZodType<ParsedHttpEvent>>(handle: (event: z.infer<S>) => Promise<HttpResult>, eventSchema: S | undefined): LambdaHttpHandler {
  const schema = (eventSchema ?? APIGatewayProxyEventV2Schema) as S;
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
    .use(injectLambdaContext(logger, { correlationIdPath: correlationPaths.API_GATEWAY_HTTP, resetKeys: true }))
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics))
    .use(parser({ schema }))
    .handler(handle as (event: unknown) => Promise<HttpResult>) as unknown as LambdaHttpHandler;
}
