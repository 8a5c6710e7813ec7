import { userFromToken } from '#addin/api/api-client';
import { CognitoSignIn, cognitoEndpoint, type CognitoStep } from '#addin/api/cognito-sign-in';
import { CLIENT_ID, FakeCognito, SECRET_CODE, SETUP_CODE, startFakeCognito, type FakeUser } from './fake-cognito';

const NOW = Date.parse('2026-12-01T01:00:00Z');

function users(): FakeUser[] {
  return [
    { username: 'wang.li', email: 'wang.li@bank.cn', password: 'Correct-Horse-1', claims: { 'custom:role': 'outlet_head', 'custom:subBranch': '3301', 'custom:outlet': '3301001', name: '王丽' } },
    { username: 'zhang.wei', email: 'zhang.wei@bank.cn', password: 'Temp-Pass-1', mustChangePassword: true, claims: { 'custom:role': 'subbranch_manager', 'custom:subBranch': '3301' } },
    { username: 'li.na', email: 'li.na@bank.cn', password: 'Audit-Pass-1', totpCode: '123456', claims: { 'custom:role': 'auditor' } },
    { username: 'sms.user', email: 'sms@bank.cn', password: 'Sms-Pass-123', otherChallenge: 'SMS_MFA', claims: { 'custom:role': 'auditor' } },
  ];
}

async function withFake(mfaRequired: boolean, run: (signIn: CognitoSignIn, fake: FakeCognito) => Promise<void>): Promise<void> {
  const fake = new FakeCognito(users(), mfaRequired);
  const server = await startFakeCognito(fake);
  try {
    await run(new CognitoSignIn({ region: 'cn-north-1', clientId: CLIENT_ID, endpoint: server.endpoint, now: () => NOW }), fake);
  } finally {
    await server.close();
  }
}

function expectStep<S extends Extract<CognitoStep, { ok: true }>['step']>(result: CognitoStep, step: S): Extract<CognitoStep, { step: S }> {
  if (!result.ok || result.step !== step) throw new Error(`expected ${step}, got ${JSON.stringify(result)}`);
  return result as Extract<CognitoStep, { step: S }>;
}

describe('CognitoSignIn', () => {
  it('signs in with USER_PASSWORD_AUTH and returns the ID token with the role and scope claims', async () => {
    await withFake(false, async (signIn, fake) => {
      // Act
      const result = await signIn.signIn('wang.li', 'Correct-Horse-1');

      // Assess
      const { tokens } = expectStep(result, 'signed-in');
      expect(fake.requests[0]).toEqual({
        target: 'AWSCognitoIdentityProviderService.InitiateAuth',
        contentType: 'application/x-amz-json-1.1',
        body: { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: 'wang.li', PASSWORD: 'Correct-Horse-1' } },
      });
      expect(tokens.expiresAt).toBe(NOW + 3600_000);
      expect(tokens.refreshToken).toMatch(/^refresh-/);
      expect(userFromToken(tokens.idToken)).toMatchObject({ role: 'outlet_head', subBranch: '3301', outlet: '3301001', name: '王丽' });
    });
  });

  it('gives the same message for a wrong password and an unknown user', async () => {
    await withFake(false, async (signIn) => {
      const wrongPassword = await signIn.signIn('wang.li', 'wrong');
      const unknownUser = await signIn.signIn('nobody', 'wrong');

      expect(wrongPassword).toMatchObject({ ok: false, kind: 'rejected', code: 'NotAuthorizedException', message_zh: '用户名或密码错误', message_en: 'Incorrect user name or password' });
      expect(unknownUser).toEqual(wrongPassword);
    });
  });

  it('takes a new password on the first sign-in, answering as the pool user name when the e-mail was typed', async () => {
    await withFake(false, async (signIn, fake) => {
      // Act
      const first = expectStep(await signIn.signIn('zhang.wei@bank.cn', 'Temp-Pass-1'), 'new-password');
      const weak = await signIn.completeNewPassword(first.challenge, 'short');
      const done = await signIn.completeNewPassword(first.challenge, 'A-Much-Longer-Pass-9');

      // Assess
      expect(first.challenge.username).toBe('zhang.wei');
      expect(weak).toMatchObject({ ok: false, code: 'InvalidPasswordException', message_zh: '新密码不符合密码策略（长度、大小写、数字、符号）', detail: 'Password does not conform to policy: Password not long enough' });
      expect(fake.requests[2]).toMatchObject({
        target: 'AWSCognitoIdentityProviderService.RespondToAuthChallenge',
        body: { ChallengeName: 'NEW_PASSWORD_REQUIRED', ClientId: CLIENT_ID, Session: first.challenge.session, ChallengeResponses: { USERNAME: 'zhang.wei', NEW_PASSWORD: 'A-Much-Longer-Pass-9' } },
      });
      expect(userFromToken(expectStep(done, 'signed-in').tokens.idToken)).toMatchObject({ role: 'subbranch_manager', subBranch: '3301', outlet: null });
    });
  });

  it('sets up the authenticator on a pool that requires MFA, then asks for its code at the next sign-in', async () => {
    await withFake(true, async (signIn, fake) => {
      // Act: first sign-in (new password, then MFA setup)
      const first = expectStep(await signIn.signIn('zhang.wei', 'Temp-Pass-1'), 'new-password');
      const setup = expectStep(await signIn.completeNewPassword(first.challenge, 'A-Much-Longer-Pass-9'), 'mfa-setup');
      const wrongSetupCode = await signIn.verifyMfaSetup(setup.challenge, '000000');
      const afterSetup = await signIn.verifyMfaSetup(setup.challenge, SETUP_CODE);

      // Assess
      expect(setup.secretCode).toBe(SECRET_CODE);
      expect(setup.otpauthUri).toBe(`otpauth://totp/PTS%3Azhang.wei?secret=${SECRET_CODE}&issuer=PTS`);
      expect(wrongSetupCode).toMatchObject({ ok: false, code: 'EnableSoftwareTokenMFAException', message_zh: '验证码错误，请输入身份验证器应用中当前显示的 6 位数字' });
      expect(fake.requests.map((r) => r.target.split('.')[1])).toEqual([
        'InitiateAuth', 'RespondToAuthChallenge', 'AssociateSoftwareToken', 'VerifySoftwareToken', 'VerifySoftwareToken', 'RespondToAuthChallenge',
      ]);
      expect(fake.requests[4].body).toEqual({ Session: setup.challenge.session, UserCode: SETUP_CODE, FriendlyDeviceName: 'PTS Excel' });
      expect(fake.requests[5].body).toMatchObject({ ChallengeName: 'MFA_SETUP', ChallengeResponses: { USERNAME: 'zhang.wei' } });
      expectStep(afterSetup, 'signed-in');

      // Act: the next sign-in asks for the code
      const mfa = expectStep(await signIn.signIn('zhang.wei', 'A-Much-Longer-Pass-9'), 'mfa-code');
      const wrongCode = await signIn.answerMfaCode(mfa.challenge, '999999');
      const signedIn = await signIn.answerMfaCode(mfa.challenge, ' 123456 ');

      // Assess
      expect(wrongCode).toMatchObject({ ok: false, kind: 'rejected', code: 'CodeMismatchException' });
      expect(fake.requests.at(-1)?.body).toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA', ChallengeResponses: { USERNAME: 'zhang.wei', SOFTWARE_TOKEN_MFA_CODE: '123456' } });
      expectStep(signedIn, 'signed-in');
    });
  });

  it('says the session expired when a challenge is answered too late', async () => {
    await withFake(false, async (signIn, fake) => {
      const mfa = expectStep(await signIn.signIn('li.na', 'Audit-Pass-1'), 'mfa-code');
      fake.expireSessions();

      const late = await signIn.answerMfaCode(mfa.challenge, '123456');

      expect(late).toMatchObject({ ok: false, kind: 'session-expired', message_zh: '登录会话已过期，请重新登录', message_en: 'The sign-in session has expired; sign in again' });
    });
  });

  it('refreshes the ID token with the refresh token, and fails clearly once it is revoked', async () => {
    await withFake(false, async (signIn, fake) => {
      // Prepare
      const { tokens } = expectStep(await signIn.signIn('wang.li', 'Correct-Horse-1'), 'signed-in');

      // Act
      const refreshed = await signIn.refresh(tokens.refreshToken!);
      const revoked = await signIn.signOut(tokens.refreshToken!);
      const afterRevoke = await signIn.refresh(tokens.refreshToken!);

      // Assess
      expect(fake.requests[1].body).toEqual({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: CLIENT_ID, AuthParameters: { REFRESH_TOKEN: tokens.refreshToken } });
      if (!refreshed.ok) throw new Error(refreshed.message_en);
      expect(refreshed.tokens.idToken).not.toBe(tokens.idToken);
      expect(refreshed.tokens.refreshToken).toBeNull();
      expect(userFromToken(refreshed.tokens.idToken)?.role).toBe('outlet_head');
      expect(revoked).toEqual({ ok: true });
      expect(fake.requests[2]).toMatchObject({ target: 'AWSCognitoIdentityProviderService.RevokeToken', body: { Token: tokens.refreshToken, ClientId: CLIENT_ID } });
      expect(afterRevoke).toMatchObject({ ok: false, kind: 'session-expired', code: 'NotAuthorizedException' });
    });
  });

  it('names a challenge the pane cannot answer instead of failing silently', async () => {
    await withFake(false, async (signIn) => {
      const result = await signIn.signIn('sms.user', 'Sms-Pass-123');
      expect(result).toMatchObject({ ok: false, kind: 'unsupported', code: 'SMS_MFA' });
      if (!result.ok) expect(result.message_zh).toContain('身份验证器应用');
    });
  });

  it('reports a wrong app client as a configuration problem', async () => {
    const fake = new FakeCognito(users(), false);
    const server = await startFakeCognito(fake);
    try {
      const result = await new CognitoSignIn({ region: 'cn-north-1', clientId: 'other-client', endpoint: server.endpoint }).signIn('wang.li', 'Correct-Horse-1');
      expect(result).toMatchObject({ ok: false, code: 'ResourceNotFoundException', message_zh: '登录配置有误（用户池或应用客户端），请联系管理员' });
    } finally {
      await server.close();
    }
  });

  it('reports an unreachable service as offline', async () => {
    // Prepare: a port that was just closed
    const server = await startFakeCognito(new FakeCognito([], false));
    await server.close();

    const result = await new CognitoSignIn({ region: 'cn-north-1', clientId: CLIENT_ID, endpoint: server.endpoint }).signIn('wang.li', 'x');

    expect(result).toMatchObject({ ok: false, kind: 'offline', code: 'offline', message_zh: '无法连接登录服务（Cognito），请检查网络' });
  });

  it('reports an answer without __type as a bad response', async () => {
    const signIn = new CognitoSignIn({ region: 'cn-north-1', clientId: CLIENT_ID, fetchImpl: async () => new Response('<html>Bad gateway</html>', { status: 502 }) });
    expect(await signIn.signIn('wang.li', 'x')).toMatchObject({ ok: false, kind: 'bad-response', message_zh: '登录服务返回错误 502' });
  });

  it('uses the amazonaws.com.cn endpoint in the China regions', () => {
    expect(cognitoEndpoint('cn-north-1')).toBe('https://cognito-idp.cn-north-1.amazonaws.com.cn/');
    expect(cognitoEndpoint('ap-northeast-1')).toBe('https://cognito-idp.ap-northeast-1.amazonaws.com/');
  });
});
