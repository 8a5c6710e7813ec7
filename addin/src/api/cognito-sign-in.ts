/**
 * Sign-in against a Cognito user pool over its plain HTTPS JSON API (no SDK): `InitiateAuth` with
 * USER_PASSWORD_AUTH, the challenges an administrator-created user meets (NEW_PASSWORD_REQUIRED, MFA_SETUP,
 * SOFTWARE_TOKEN_MFA), REFRESH_TOKEN_AUTH and `RevokeToken`. Every call resolves with a typed result and never
 * throws; the tokens are handed to the caller and kept nowhere else (the pane holds them in memory).
 * The API takes the ID token (`Authorization: Bearer <IdToken>`): only it carries the `custom:*` claims.
 */
import type { FetchLike } from './api-client';

export interface CognitoSignInOptions {
  /** The user pool's region (`ap-northeast-1`, `cn-north-1`). */
  region: string;
  /** The app client without a secret (`userPoolClientId` of /config.json). */
  clientId: string;
  /**
   * The user-pool API endpoint.
   * @default https://cognito-idp.<region>.amazonaws.com/ (amazonaws.com.cn in the China regions)
   */
  endpoint?: string;
  /** @default the global fetch */
  fetchImpl?: FetchLike;
  /** Milliseconds since the epoch, for `expiresAt`. @default Date.now */
  now?: () => number;
  /** Shown in the user's authenticator list after MFA setup. @default 'PTS Excel' */
  deviceName?: string;
}

export interface CognitoTokens {
  /** The bearer token of the API. */
  idToken: string;
  accessToken: string;
  /** Null after a refresh (Cognito does not rotate it here): keep the one from the sign-in. */
  refreshToken: string | null;
  /** When the ID token expires, in milliseconds since the epoch (from `ExpiresIn`). */
  expiresAt: number;
}

/** A challenge in progress: answer it with the matching method before the session lapses (3 minutes). */
export interface CognitoChallenge {
  session: string;
  /** The pool's user name (`USER_ID_FOR_SRP`), which may differ from the e-mail typed in. */
  username: string;
}

export interface CognitoFailure {
  ok: false;
  kind: 'offline' | 'rejected' | 'session-expired' | 'unsupported' | 'bad-response';
  /** Cognito's error type (`NotAuthorizedException`), or `offline` / `bad-response` / the challenge name. */
  code: string;
  message_zh: string;
  message_en: string;
  /** Cognito's own message, where it helps (the password policy). */
  detail?: string;
}

export type CognitoStep =
  | { ok: true; step: 'signed-in'; tokens: CognitoTokens }
  /** First sign-in of an administrator-created user: choose a new password. */
  | { ok: true; step: 'new-password'; challenge: CognitoChallenge }
  /** Enter the 6-digit code of the authenticator app. */
  | { ok: true; step: 'mfa-code'; challenge: CognitoChallenge }
  /** MFA is required and not set up yet: add `secretCode` to an authenticator app, then enter its code. */
  | { ok: true; step: 'mfa-setup'; challenge: CognitoChallenge; secretCode: string; otpauthUri: string }
  | CognitoFailure;

/** What the pane keeps (in memory) to renew the ID token before it expires. */
export interface SignInRenewal {
  refreshToken: string;
  /** When the current ID token expires, in milliseconds since the epoch. */
  expiresAt: number;
}

export type CognitoRefreshResult = { ok: true; tokens: CognitoTokens } | CognitoFailure;

type Context = 'password' | 'challenge' | 'mfa-setup' | 'refresh' | 'revoke';

interface AuthResponse {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: { IdToken?: string; AccessToken?: string; RefreshToken?: string; ExpiresIn?: number };
}

type CallResult<T> = { ok: true; body: T } | CognitoFailure;

/** The user-pool API endpoint of a region. */
export function cognitoEndpoint(region: string): string {
  return `https://cognito-idp.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}/`;
}

const CREDENTIALS = { message_zh: '用户名或密码错误', message_en: 'Incorrect user name or password' };
const SESSION_EXPIRED = { message_zh: '登录会话已过期，请重新登录', message_en: 'The sign-in session has expired; sign in again' };
const WRONG_CODE = {
  message_zh: '验证码错误，请输入身份验证器应用中当前显示的 6 位数字',
  message_en: 'Wrong code: enter the 6 digits your authenticator app shows now',
};

function failure(kind: CognitoFailure['kind'], code: string, text: { message_zh: string; message_en: string }, detail?: string): CognitoFailure {
  return { ok: false, kind, code, ...text, ...(detail ? { detail } : {}) };
}

/** Cognito's error (`__type`, message) as a failure the pane can show; never says whether a user exists. */
function cognitoFailure(type: string, message: string, context: Context): CognitoFailure {
  switch (type) {
    case 'NotAuthorizedException':
      if (/attempts exceeded/i.test(message)) {
        return failure('rejected', type, { message_zh: '密码错误次数过多，请稍后再试', message_en: 'Too many failed attempts; try again later' });
      }
      if (context === 'password') return failure('rejected', type, CREDENTIALS);
      if (context === 'revoke') return failure('rejected', type, { message_zh: '注销登录失败', message_en: 'The sign-out was refused' }, message);
      return failure('session-expired', type, SESSION_EXPIRED);
    case 'UserNotFoundException':
      return failure('rejected', 'NotAuthorizedException', CREDENTIALS);
    case 'CodeMismatchException':
    case 'EnableSoftwareTokenMFAException':
      return failure('rejected', type, WRONG_CODE);
    case 'ExpiredCodeException':
      return failure('rejected', type, { message_zh: '此验证码已用过或已过期，请等下一个验证码再试', message_en: 'This code was used or has expired; wait for the next one' });
    case 'InvalidPasswordException':
      return failure('rejected', type, { message_zh: '新密码不符合密码策略（长度、大小写、数字、符号）', message_en: 'The new password does not meet the password policy' }, message);
    case 'PasswordResetRequiredException':
      return failure('rejected', type, { message_zh: '需要重置密码，请联系管理员', message_en: 'A password reset is required; contact your administrator' });
    case 'UserNotConfirmedException':
      return failure('rejected', type, { message_zh: '账户尚未确认，请联系管理员', message_en: 'The account is not confirmed; contact your administrator' });
    case 'TooManyRequestsException':
    case 'LimitExceededException':
    case 'TooManyFailedAttemptsException':
      return failure('rejected', type, { message_zh: '请求过于频繁，请稍后再试', message_en: 'Too many requests; try again later' });
    case 'InvalidParameterException':
    case 'ResourceNotFoundException':
    case 'InvalidUserPoolConfigurationException':
      return failure('rejected', type, { message_zh: '登录配置有误（用户池或应用客户端），请联系管理员', message_en: 'The sign-in is misconfigured (user pool or app client); contact your administrator' }, message);
    default:
      return failure('rejected', type, { message_zh: `登录失败（${type}）`, message_en: `Sign-in failed (${type})` }, message || undefined);
  }
}

export class CognitoSignIn {
  private readonly endpoint: string;
  private readonly fetchImpl: FetchLike;
  private readonly now: () => number;

  constructor(private readonly options: CognitoSignInOptions) {
    this.endpoint = options.endpoint ?? cognitoEndpoint(options.region);
    this.fetchImpl = options.fetchImpl ?? ((url, init) => fetch(url, init));
    this.now = options.now ?? (() => Date.now());
  }

  /** Signs in with user name (or e-mail) and password; the answer is the tokens or the next challenge. */
  async signIn(username: string, password: string): Promise<CognitoStep> {
    const answer = await this.call<AuthResponse>('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: this.options.clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }, 'password');
    return answer.ok ? this.nextStep(answer.body, username) : answer;
  }

  /** Answers NEW_PASSWORD_REQUIRED. */
  async completeNewPassword(challenge: CognitoChallenge, newPassword: string): Promise<CognitoStep> {
    return this.respond('NEW_PASSWORD_REQUIRED', challenge, { NEW_PASSWORD: newPassword });
  }

  /** Answers SOFTWARE_TOKEN_MFA with the authenticator app's code. */
  async answerMfaCode(challenge: CognitoChallenge, code: string): Promise<CognitoStep> {
    return this.respond('SOFTWARE_TOKEN_MFA', challenge, { SOFTWARE_TOKEN_MFA_CODE: code.trim() });
  }

  /** Finishes MFA_SETUP: verifies the first code of the newly added authenticator, then answers the challenge. */
  async verifyMfaSetup(challenge: CognitoChallenge, code: string): Promise<CognitoStep> {
    const verified = await this.call<{ Status?: string; Session?: string }>('VerifySoftwareToken', {
      Session: challenge.session,
      UserCode: code.trim(),
      FriendlyDeviceName: this.options.deviceName ?? 'PTS Excel',
    }, 'mfa-setup');
    if (!verified.ok) return verified;
    if (verified.body.Status !== 'SUCCESS') return failure('rejected', 'EnableSoftwareTokenMFAException', WRONG_CODE);
    return this.respond('MFA_SETUP', { ...challenge, session: verified.body.Session ?? challenge.session }, {});
  }

  /** New ID and access tokens from the refresh token (REFRESH_TOKEN_AUTH). */
  async refresh(refreshToken: string): Promise<CognitoRefreshResult> {
    const answer = await this.call<AuthResponse>('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: this.options.clientId,
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    }, 'refresh');
    if (!answer.ok) return answer;
    const tokens = this.tokensOf(answer.body);
    return tokens ? { ok: true, tokens } : failure('bad-response', 'bad-response', { message_zh: '登录服务的回答无法识别', message_en: 'The sign-in service gave an unexpected answer' });
  }

  /** Revokes the refresh token (and the tokens issued from it) at sign-out. */
  async signOut(refreshToken: string): Promise<{ ok: true } | CognitoFailure> {
    const answer = await this.call<unknown>('RevokeToken', { Token: refreshToken, ClientId: this.options.clientId }, 'revoke');
    return answer.ok ? { ok: true } : answer;
  }

  private async respond(name: string, challenge: CognitoChallenge, responses: Record<string, string>): Promise<CognitoStep> {
    const answer = await this.call<AuthResponse>('RespondToAuthChallenge', {
      ChallengeName: name,
      ClientId: this.options.clientId,
      Session: challenge.session,
      ChallengeResponses: { USERNAME: challenge.username, ...responses },
    }, 'challenge');
    return answer.ok ? this.nextStep(answer.body, challenge.username) : answer;
  }

  private async nextStep(body: AuthResponse, username: string): Promise<CognitoStep> {
    const tokens = this.tokensOf(body);
    if (tokens) return { ok: true, step: 'signed-in', tokens };
    const session = body.Session;
    if (!body.ChallengeName || !session) {
      return failure('bad-response', 'bad-response', { message_zh: '登录服务的回答无法识别', message_en: 'The sign-in service gave an unexpected answer' });
    }
    const challenge: CognitoChallenge = { session, username: body.ChallengeParameters?.USER_ID_FOR_SRP ?? username };
    switch (body.ChallengeName) {
      case 'NEW_PASSWORD_REQUIRED':
        return { ok: true, step: 'new-password', challenge };
      case 'SOFTWARE_TOKEN_MFA':
        return { ok: true, step: 'mfa-code', challenge };
      case 'MFA_SETUP':
        return this.startMfaSetup(challenge);
      default:
        return failure('unsupported', body.ChallengeName, {
          message_zh: `此登录方式（${body.ChallengeName}）本窗格不支持，请联系管理员改用身份验证器应用（TOTP）`,
          message_en: `This sign-in step (${body.ChallengeName}) is not supported by the pane; ask your administrator for authenticator-app (TOTP) MFA`,
        });
    }
  }

  private async startMfaSetup(challenge: CognitoChallenge): Promise<CognitoStep> {
    const associated = await this.call<{ SecretCode?: string; Session?: string }>('AssociateSoftwareToken', { Session: challenge.session }, 'mfa-setup');
    if (!associated.ok) {
      return {
        ...associated,
        message_zh: `${associated.message_zh}。无法在窗格中设置双重验证：请管理员按 docs/deploy.md 第 5 节用 AWS CLI 为您绑定身份验证器应用后再登录`,
        message_en: `${associated.message_en}. MFA cannot be set up in the pane: ask your administrator to bind an authenticator app with the AWS CLI (docs/deploy.md, section 5), then sign in again`,
      };
    }
    const secretCode = associated.body.SecretCode;
    if (!secretCode) return failure('bad-response', 'bad-response', { message_zh: '登录服务的回答无法识别', message_en: 'The sign-in service gave an unexpected answer' });
    const label = encodeURIComponent(`PTS:${challenge.username}`);
    return {
      ok: true,
      step: 'mfa-setup',
      challenge: { ...challenge, session: associated.body.Session ?? challenge.session },
      secretCode,
      otpauthUri: `otpauth://totp/${label}?secret=${secretCode}&issuer=PTS`,
    };
  }

  private tokensOf(body: AuthResponse): CognitoTokens | null {
    const result = body.AuthenticationResult;
    if (!result?.IdToken || !result.AccessToken) return null;
    return {
      idToken: result.IdToken,
      accessToken: result.AccessToken,
      refreshToken: result.RefreshToken ?? null,
      expiresAt: this.now() + (result.ExpiresIn ?? 3600) * 1000,
    };
  }

  private async call<T>(action: string, payload: unknown, context: Context): Promise<CallResult<T>> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${action}` },
        body: JSON.stringify(payload),
      });
    } catch (error) {
      return failure('offline', 'offline', { message_zh: '无法连接登录服务（Cognito），请检查网络', message_en: 'The sign-in service (Cognito) cannot be reached; check the network' }, error instanceof Error ? error.message : String(error));
    }
    const text = await response.text().catch(() => '');
    let parsed: Record<string, unknown> = {};
    try {
      const value: unknown = text ? JSON.parse(text) : {};
      if (value && typeof value === 'object') parsed = value as Record<string, unknown>;
    } catch {
      parsed = {};
    }
    if (response.ok) return { ok: true, body: parsed as T };
    // `__type` is the bare name or `prefix#Name`; the message is `message` or `Message`.
    const rawType = typeof parsed.__type === 'string' ? parsed.__type : '';
    const type = rawType.split('#').pop() ?? '';
    const message = typeof parsed.message === 'string' ? parsed.message : typeof parsed.Message === 'string' ? parsed.Message : '';
    if (!type) {
      return failure('bad-response', 'bad-response', { message_zh: `登录服务返回错误 ${response.status}`, message_en: `The sign-in service answered ${response.status}` });
    }
    return cognitoFailure(type, message, context);
  }
}
