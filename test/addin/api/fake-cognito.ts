/**
 * A small stand-in for Cognito's user-pool API: the JSON 1.1 protocol (`X-Amz-Target`, errors as `__type`),
 * USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH, the challenges NEW_PASSWORD_REQUIRED, MFA_SETUP and
 * SOFTWARE_TOKEN_MFA, AssociateSoftwareToken / VerifySoftwareToken and RevokeToken. `answer` is the protocol
 * on plain values (for a jsdom test's fetch); `startFakeCognito` serves it over node:http on 127.0.0.1.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUser {
  username: string;
  email: string;
  password: string;
  claims: Record<string, string>;
  /** Created by an administrator with a temporary password. */
  mustChangePassword?: boolean;
  /** A bound authenticator's current code; unset until MFA is set up. */
  totpCode?: string;
  /** Answer with this challenge instead (a challenge the pane does not handle). */
  otherChallenge?: string;
}

export interface FakeRequest {
  target: string;
  contentType: string;
  body: Record<string, unknown>;
}

export interface FakeAnswer {
  status: number;
  body: unknown;
}

interface Session {
  username: string;
  expect: 'NEW_PASSWORD_REQUIRED' | 'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP' | 'associate' | 'verify' | 'MFA_SETUP_VERIFIED';
}

export const CLIENT_ID = 'client-pts-1';
/** The code the authenticator shows while MFA is being set up. */
export const SETUP_CODE = '654321';
export const SECRET_CODE = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', kid: 'fake' })}.${part(claims)}.signature`;
}

const error = (type: string, message: string, status = 400): FakeAnswer => ({ status, body: { __type: type, message } });

export class FakeCognito {
  readonly requests: FakeRequest[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly refreshTokens = new Map<string, string>();
  private counter = 0;

  constructor(
    readonly users: FakeUser[],
    /** The pool requires MFA (prod). */
    private readonly mfaRequired: boolean,
  ) {}

  /** Every open challenge session lapses (Cognito's 3 minutes). */
  expireSessions(): void {
    this.sessions.clear();
  }

  answer(request: FakeRequest): FakeAnswer {
    this.requests.push(request);
    if (request.contentType !== 'application/x-amz-json-1.1') return error('UnsupportedMediaTypeException', `content type ${request.contentType}`, 415);
    const prefix = 'AWSCognitoIdentityProviderService.';
    if (!request.target.startsWith(prefix)) return error('UnknownOperationException', request.target);
    const body = request.body;
    switch (request.target.slice(prefix.length)) {
      case 'InitiateAuth':
        return this.initiateAuth(body);
      case 'RespondToAuthChallenge':
        return this.respondToAuthChallenge(body);
      case 'AssociateSoftwareToken': {
        const session = this.takeSession(body.Session, 'associate');
        if (!session) return error('NotAuthorizedException', 'Invalid session for the user, session is expired.');
        return { status: 200, body: { SecretCode: SECRET_CODE, Session: this.openSession(session.username, 'verify') } };
      }
      case 'VerifySoftwareToken': {
        const session = this.sessions.get(String(body.Session));
        if (!session || session.expect !== 'verify') return error('NotAuthorizedException', 'Invalid session for the user, session is expired.');
        if (body.UserCode !== SETUP_CODE) return error('EnableSoftwareTokenMFAException', 'Code mismatch');
        this.sessions.delete(String(body.Session));
        this.user(session.username)!.totpCode = '123456';
        return { status: 200, body: { Status: 'SUCCESS', Session: this.openSession(session.username, 'MFA_SETUP_VERIFIED') } };
      }
      case 'RevokeToken':
        if (body.ClientId !== CLIENT_ID) return error('UnauthorizedException', 'client');
        this.refreshTokens.delete(String(body.Token));
        return { status: 200, body: {} };
      default:
        return error('UnknownOperationException', request.target);
    }
  }

  private user(name: unknown): FakeUser | undefined {
    return this.users.find((u) => u.username === name || u.email === name);
  }

  private openSession(username: string, expect: Session['expect']): string {
    const id = `session-${++this.counter}`;
    this.sessions.set(id, { username, expect });
    return id;
  }

  private takeSession(id: unknown, expect: Session['expect']): Session | null {
    const session = this.sessions.get(String(id));
    if (!session || session.expect !== expect) return null;
    this.sessions.delete(String(id));
    return session;
  }

  private tokens(user: FakeUser, withRefresh: boolean): FakeAnswer {
    const n = ++this.counter;
    const idToken = jwt({ sub: `sub-${user.username}`, 'cognito:username': user.username, email: user.email, token_use: 'id', n, ...user.claims });
    const result: Record<string, unknown> = { IdToken: idToken, AccessToken: jwt({ token_use: 'access', n }), ExpiresIn: 3600, TokenType: 'Bearer' };
    if (withRefresh) {
      const refresh = `refresh-${n}`;
      this.refreshTokens.set(refresh, user.username);
      result.RefreshToken = refresh;
    }
    return { status: 200, body: { AuthenticationResult: result, ChallengeParameters: {} } };
  }

  private challenge(user: FakeUser, name: Session['expect']): FakeAnswer {
    const parameters: Record<string, string> = { USER_ID_FOR_SRP: user.username };
    if (name === 'NEW_PASSWORD_REQUIRED') Object.assign(parameters, { requiredAttributes: '[]', userAttributes: JSON.stringify({ email: user.email }) });
    if (name === 'MFA_SETUP') parameters.MFAS_CAN_SETUP = '["SOFTWARE_TOKEN_MFA"]';
    const session = this.openSession(user.username, name === 'MFA_SETUP' ? 'associate' : name);
    return { status: 200, body: { ChallengeName: name, Session: session, ChallengeParameters: parameters } };
  }

  /** After the password (and a new one): MFA setup, the MFA code, or the tokens. */
  private afterPassword(user: FakeUser): FakeAnswer {
    if (user.otherChallenge) {
      return { status: 200, body: { ChallengeName: user.otherChallenge, Session: this.openSession(user.username, 'SOFTWARE_TOKEN_MFA'), ChallengeParameters: {} } };
    }
    if (user.totpCode) return this.challenge(user, 'SOFTWARE_TOKEN_MFA');
    if (this.mfaRequired) return this.challenge(user, 'MFA_SETUP');
    return this.tokens(user, true);
  }

  private initiateAuth(body: Record<string, unknown>): FakeAnswer {
    if (body.ClientId !== CLIENT_ID) return error('ResourceNotFoundException', 'User pool client does not exist.');
    const parameters = (body.AuthParameters ?? {}) as Record<string, string>;
    if (body.AuthFlow === 'REFRESH_TOKEN_AUTH') {
      const username = this.refreshTokens.get(parameters.REFRESH_TOKEN);
      if (!username) return error('NotAuthorizedException', 'Refresh Token has been revoked');
      return this.tokens(this.user(username)!, false);
    }
    if (body.AuthFlow !== 'USER_PASSWORD_AUTH') return error('InvalidParameterException', 'USER_PASSWORD_AUTH flow not enabled for this client');
    const user = this.user(parameters.USERNAME);
    if (!user) return error('UserNotFoundException', 'User does not exist.');
    if (user.password !== parameters.PASSWORD) return error('NotAuthorizedException', 'Incorrect username or password.');
    if (user.mustChangePassword) return this.challenge(user, 'NEW_PASSWORD_REQUIRED');
    return this.afterPassword(user);
  }

  private respondToAuthChallenge(body: Record<string, unknown>): FakeAnswer {
    if (body.ClientId !== CLIENT_ID) return error('ResourceNotFoundException', 'User pool client does not exist.');
    const name = String(body.ChallengeName);
    const responses = (body.ChallengeResponses ?? {}) as Record<string, string>;
    const session = this.sessions.get(String(body.Session));
    const expected = name === 'MFA_SETUP' ? 'MFA_SETUP_VERIFIED' : name;
    if (!session || session.expect !== expected) return error('NotAuthorizedException', 'Invalid session for the user, session is expired.');
    if (responses.USERNAME !== session.username) return error('NotAuthorizedException', 'Incorrect username or password.');
    const user = this.user(session.username)!;
    if (name === 'NEW_PASSWORD_REQUIRED') {
      const password = responses.NEW_PASSWORD ?? '';
      if (password.length < 12) return error('InvalidPasswordException', 'Password does not conform to policy: Password not long enough');
      this.sessions.delete(String(body.Session));
      user.password = password;
      user.mustChangePassword = false;
      return this.afterPassword(user);
    }
    if (name === 'SOFTWARE_TOKEN_MFA' && responses.SOFTWARE_TOKEN_MFA_CODE !== user.totpCode) {
      return error('CodeMismatchException', 'Invalid code received for user');
    }
    this.sessions.delete(String(body.Session));
    return this.tokens(user, true);
  }
}

/** Serves a FakeCognito on 127.0.0.1 (a free port); `endpoint` is its URL. */
export async function startFakeCognito(fake: FakeCognito): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        body = {};
      }
      const answer =
        req.method === 'POST'
          ? fake.answer({ target: String(req.headers['x-amz-target'] ?? ''), contentType: String(req.headers['content-type'] ?? ''), body })
          : error('MethodNotAllowed', String(req.method), 405);
      res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
