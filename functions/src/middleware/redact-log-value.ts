/**
 * What the logs may hold: never a phone number or a token. Used as the Powertools logger's JSON replacer
 * (every value of every log line passes here) and by the local stack's own log lines.
 */
import { maskPhonesInText } from '#shared/security/mask-phones-in-text';

/** A JWT (three base64url parts, the first one a JSON header `{"…` = `eyJ…`). */
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer)\s+[^\s"',;]+/gi;
/** Keys whose values are secrets whatever they look like. */
const SECRET_KEYS = new Set(['authorization', 'token', 'idtoken', 'id_token', 'accesstoken', 'access_token', 'refreshtoken', 'refresh_token', 'cookie', 'set-cookie', 'x-api-key']);

/** A log value with tokens replaced by `[token]` and mobile numbers masked (`138****8000`); other values unchanged. */
export function redactLogValue(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (SECRET_KEYS.has(key.toLowerCase())) return '[redacted]';
  return maskPhonesInText(value.replace(JWT, '[token]').replace(BEARER, '$1 [token]'));
}
