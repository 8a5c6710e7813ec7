/**
 * The API Gateway HTTP API (payload v2) event, checked with zod at the edge of every handler.
 * Our own schema rather than Powertools' parser schemas: those import zod's whole `z` namespace,
 * which puts ~450 KB (minified) into every function bundle; this one keeps to what the handlers read.
 */
import * as z from '#shared/zod';

const stringRecord = z.record(z.string(), z.string());

export const httpEventSchema = z.object({
  version: z.literal('2.0'),
  routeKey: z.string(),
  rawPath: z.string(),
  rawQueryString: z.string(),
  headers: stringRecord,
  queryStringParameters: stringRecord.optional(),
  pathParameters: stringRecord.nullish(),
  body: z.string().optional(),
  isBase64Encoded: z.boolean(),
  requestContext: z.object({
    requestId: z.string(),
    routeKey: z.string(),
    http: z.object({ method: z.string(), path: z.string() }).loose(),
    authorizer: z
      .object({ jwt: z.object({ claims: z.record(z.string(), z.unknown()) }).loose().optional() })
      .loose()
      .optional(),
  }).loose(),
});

export type HttpEvent = z.infer<typeof httpEventSchema>;

/** A route schema: the event schema with `body` parsed as JSON and checked by `bodySchema`. */
export function withJsonBody<T extends z.ZodType>(bodySchema: T) {
  return httpEventSchema.extend({
    body: z
      .string()
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'body is not valid JSON' });
          return z.NEVER;
        }
      })
      .pipe(bodySchema),
  });
}
