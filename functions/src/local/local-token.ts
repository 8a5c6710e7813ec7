/**
 * Tokens of the local stack only: RS256 JWTs signed with the stack's own key (node:crypto), carrying
 * the claims a Cognito ID token carries, and verified with aws-jwt-verify against the stack's JWKS
 * (the role API Gateway's JWT authorizer plays in AWS).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JwtVerifier } from 'aws-jwt-verify';
import type { CallerClaims } from '#shared/api/caller-claims';
import type { LocalTokenRequest } from '#shared/api/local-token-request';
import { demoPersonName } from './demo-data';

export const LOCAL_ISSUER = 'https://pts.local/issuer';
export const LOCAL_AUDIENCE = 'pts-local';
const KID = 'pts-local-1';
const TOKEN_LIFETIME_S = 12 * 3600;

export interface LocalSigner {
  sign(request: LocalTokenRequest, sub?: string): string;
  /** The verified claims of a bearer token; throws when the token is not one of ours or has expired. */
  verify(token: string): Promise<Record<string, unknown>>;
}

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

function loadOrCreateKey(keyDir?: string): KeyObject {
  const file = keyDir ? join(keyDir, 'local-signing-key.pem') : undefined;
  if (file && existsSync(file)) return createPrivateKey(readFileSync(file));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  if (file && keyDir) {
    mkdirSync(keyDir, { recursive: true });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return privateKey;
}

/** A signer with a key kept in `keyDir` (so tokens survive a restart), or a fresh in-memory key. */
export function createLocalSigner(keyDir?: string): LocalSigner {
  const privateKey = loadOrCreateKey(keyDir);
  const jwk = { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' };
  const verifier = JwtVerifier.create({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwksUri: 'https://pts.local/.well-known/jwks.json' });
  verifier.cacheJwks({ keys: [jwk as never] });
  return {
    sign(request, sub) {
      const now = Math.floor(Date.now() / 1000);
      const claims: CallerClaims & Record<string, unknown> = {
        sub: sub ?? `local-${request.role}-${request.outlet ?? request.subBranch ?? 'all'}`,
        iss: LOCAL_ISSUER,
        aud: LOCAL_AUDIENCE,
        token_use: 'id',
        iat: now,
        exp: now + TOKEN_LIFETIME_S,
        jti: randomUUID(),
        'custom:role': request.role,
      };
      if (request.subBranch) claims['custom:subBranch'] = request.subBranch;
      if (request.outlet) claims['custom:outlet'] = request.outlet;
      claims.name = request.name ?? demoPersonName(request);
      const input = `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: KID }))}.${base64url(JSON.stringify(claims))}`;
      return `${input}.${base64url(sign('RSA-SHA256', Buffer.from(input), privateKey))}`;
    },
    async verify(token) {
      return (await verifier.verify(token)) as unknown as Record<string, unknown>;
    },
  };
}
