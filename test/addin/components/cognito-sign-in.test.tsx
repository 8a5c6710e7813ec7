/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import type { FetchLike } from '#addin/api/api-client';
import { CognitoSignIn } from '#addin/api/cognito-sign-in';
import { CLIENT_ID, FakeCognito, SECRET_CODE, SETUP_CODE, type FakeUser } from '../api/fake-cognito';
import { renderPane } from './pane-harness';

const PANE_NOW = Date.parse('2026-11-30T17:00:00Z');

function users(): FakeUser[] {
  return [
    { username: 'wang.li', email: 'wang.li@bank.cn', password: 'Correct-Horse-1', claims: { 'custom:role': 'outlet_head', 'custom:subBranch': '3301', 'custom:outlet': '3301001', name: '王丽' } },
    { username: 'zhang.wei', email: 'zhang.wei@bank.cn', password: 'Temp-Pass-1', mustChangePassword: true, claims: { 'custom:role': 'subbranch_manager', 'custom:subBranch': '3301' } },
    { username: 'li.na', email: 'li.na@bank.cn', password: 'Audit-Pass-1', totpCode: '123456', claims: { 'custom:role': 'auditor' } },
  ];
}

/** The fake Cognito behind a fetch (jsdom has none); `offline` makes every call fail like a lost network. */
function cognitoFetch(fake: FakeCognito, state: { offline: boolean }): FetchLike {
  return async (_url, init) => {
    if (state.offline) throw new TypeError('Failed to fetch');
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const answer = fake.answer({ target: headers['x-amz-target'] ?? '', contentType: headers['content-type'] ?? '', body: JSON.parse(String(init?.body ?? '{}')) });
    const text = JSON.stringify(answer.body);
    return { ok: answer.status >= 200 && answer.status < 300, status: answer.status, text: async () => text } as unknown as Response;
  };
}

function renderAwsPane(options: { mfaRequired?: boolean; cognitoNow?: () => number } = {}) {
  const fake = new FakeCognito(users(), options.mfaRequired ?? false);
  const network = { offline: false };
  const cognito = new CognitoSignIn({ region: 'cn-north-1', clientId: CLIENT_ID, fetchImpl: cognitoFetch(fake, network), now: options.cognitoNow ?? (() => PANE_NOW) });
  const pane = renderPane({ 'GET /templates': () => ({ status: 200, body: { templates: [] } }) }, { services: { localSignIn: false, cognito } });
  return { ...pane, fake, network };
}

/** axe-core's violations in jsdom (no layout: colour contrast is left to the browser test). */
async function axeViolations(container: Element): Promise<string[]> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

const targets = (fake: FakeCognito) => fake.requests.map((r) => r.target.replace('AWSCognitoIdentityProviderService.', ''));

describe('SignInPanel with Cognito (AWS)', () => {
  it('signs in with user name and password and shows role and scope from the ID token', async () => {
    // Prepare
    const { user, fake } = renderAwsPane();

    // Act
    await user.type(screen.getByLabelText(/用户名或邮箱/), 'wang.li');
    await user.type(screen.getByLabelText(/^密码/), 'Correct-Horse-1');
    await user.click(screen.getByRole('button', { name: '登录' }));

    // Assess
    expect(await screen.findByText(/当前用户：王丽 · 网点主任 · 范围：3301 \/ 3301001/)).toBeTruthy();
    expect(fake.requests[0].body).toMatchObject({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'wang.li', PASSWORD: 'Correct-Horse-1' } });
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('says 用户名或密码错误 (English on demand) for a wrong password, and keeps the form', async () => {
    const { user } = renderAwsPane();

    await user.type(screen.getByLabelText(/用户名或邮箱/), 'wang.li');
    await user.type(screen.getByLabelText(/^密码/), 'wrong');
    await user.click(screen.getByRole('button', { name: '登录' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('用户名或密码错误');
    expect(alert.textContent).not.toContain('Incorrect user name or password');
    await user.click(within(alert).getByRole('button', { name: 'English' }));
    expect(alert.textContent).toContain('Incorrect user name or password');
    expect(screen.getByLabelText(/用户名或邮箱/)).toBeTruthy();
  });

  it('leads a new user through the new password and the authenticator setup on a pool that requires MFA', async () => {
    // Prepare
    const { user, fake, container } = renderAwsPane({ mfaRequired: true });
    expect(await axeViolations(container)).toEqual([]);
    await user.type(screen.getByLabelText(/用户名或邮箱/), 'zhang.wei@bank.cn');
    await user.type(screen.getByLabelText(/^密码/), 'Temp-Pass-1');
    await user.click(screen.getByRole('button', { name: '登录' }));

    // Act: the two new passwords differ, then agree
    await user.type(await screen.findByLabelText(/^新密码/), 'A-Much-Longer-Pass-9');
    await user.type(screen.getByLabelText(/再次输入新密码/), 'A-Much-Longer-Pass-0');
    await user.click(screen.getByRole('button', { name: '设置密码并登录' }));
    expect((await screen.findByRole('alert')).textContent).toContain('两次输入的新密码不一致');
    await user.clear(screen.getByLabelText(/再次输入新密码/));
    await user.type(screen.getByLabelText(/再次输入新密码/), 'A-Much-Longer-Pass-9');
    await user.click(screen.getByRole('button', { name: '设置密码并登录' }));

    // Assess: the key to add to the authenticator app, in groups of four
    const secret = await screen.findByLabelText('密钥');
    expect(secret.textContent).toBe(SECRET_CODE.match(/.{4}/g)!.join(' '));
    expect(await axeViolations(container)).toEqual([]);

    // Act: the app's first code
    await user.type(screen.getByLabelText(/验证码/), SETUP_CODE);
    await user.click(screen.getByRole('button', { name: '验证并登录' }));

    // Assess
    expect(await screen.findByText(/当前用户：zhang.wei · 个金经理（支行） · 范围：3301/)).toBeTruthy();
    expect(targets(fake)).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'AssociateSoftwareToken', 'VerifySoftwareToken', 'RespondToAuthChallenge']);
  });

  it('asks for the MFA code and returns to the password when the session has expired', async () => {
    const { user, fake } = renderAwsPane();
    await user.type(screen.getByLabelText(/用户名或邮箱/), 'li.na');
    await user.type(screen.getByLabelText(/^密码/), 'Audit-Pass-1');
    await user.click(screen.getByRole('button', { name: '登录' }));
    await user.type(await screen.findByLabelText(/验证码/), '123456');
    fake.expireSessions();

    await user.click(screen.getByRole('button', { name: '验证并登录' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('登录会话已过期，请重新登录');
    expect(screen.getByLabelText(/用户名或邮箱/)).toBeTruthy();
  });

  it('says the sign-in service cannot be reached when the network is down', async () => {
    const { user, network } = renderAwsPane();
    network.offline = true;

    await user.type(screen.getByLabelText(/用户名或邮箱/), 'wang.li');
    await user.type(screen.getByLabelText(/^密码/), 'Correct-Horse-1');
    await user.click(screen.getByRole('button', { name: '登录' }));

    expect((await screen.findByRole('alert')).textContent).toContain('无法连接登录服务（Cognito），请检查网络');
  });

  it('renews the ID token before it expires, calls the API with the new one, and revokes the refresh token at sign-out', async () => {
    // Prepare: the first ID token expires within the renewal margin (Cognito's clock runs 59 minutes behind the pane's)
    const clocks = [PANE_NOW - 59 * 60_000];
    const { user, fake, requests } = renderAwsPane({ cognitoNow: () => clocks.shift() ?? PANE_NOW });
    await user.type(screen.getByLabelText(/用户名或邮箱/), 'wang.li');
    await user.type(screen.getByLabelText(/^密码/), 'Correct-Horse-1');
    await user.click(screen.getByRole('button', { name: '登录' }));
    await screen.findByText(/当前用户：王丽/);

    // Act: the renewal runs at once
    await waitFor(() => expect(targets(fake)).toEqual(['InitiateAuth', 'InitiateAuth']));

    // Assess
    const refreshToken = (fake.requests[1].body.AuthParameters as Record<string, string>).REFRESH_TOKEN;
    expect(fake.requests[1].body).toMatchObject({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: CLIENT_ID });
    expect(refreshToken).toMatch(/^refresh-/);
    await waitFor(() => expect(new Set(requests.filter((r) => r.path === '/templates').map((r) => r.headers.authorization)).size).toBe(2));
    expect(screen.getByText(/当前用户：王丽 · 网点主任/)).toBeTruthy();

    // Act: sign out
    await user.click(screen.getByRole('button', { name: '退出' }));

    // Assess
    expect(await screen.findByLabelText(/用户名或邮箱/)).toBeTruthy();
    await waitFor(() => expect(targets(fake).at(-1)).toBe('RevokeToken'));
    expect(fake.requests.at(-1)?.body).toEqual({ Token: refreshToken, ClientId: CLIENT_ID });
  });

  it('signs out with a clear message when the renewal is refused', async () => {
    const clocks = [PANE_NOW - 59 * 60_000];
    const { user, fake } = renderAwsPane({ cognitoNow: () => clocks.shift() ?? PANE_NOW });
    // The refresh token is revoked elsewhere (an administrator signed the user out everywhere).
    const realAnswer = fake.answer.bind(fake);
    fake.answer = (request) => (request.body.AuthFlow === 'REFRESH_TOKEN_AUTH' ? realAnswer({ ...request, body: { ...request.body, AuthParameters: { REFRESH_TOKEN: 'revoked' } } }) : realAnswer(request));

    await user.type(screen.getByLabelText(/用户名或邮箱/), 'wang.li');
    await user.type(screen.getByLabelText(/^密码/), 'Correct-Horse-1');
    await user.click(screen.getByRole('button', { name: '登录' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('登录已过期，请重新登录');
    await user.click(within(alert).getByRole('button', { name: 'English' }));
    expect(alert.textContent).toContain('The sign-in has expired; sign in again');
    expect(screen.queryByText(/当前用户/)).toBeNull();
    expect(screen.getByLabelText(/用户名或邮箱/)).toBeTruthy();
  });

  it('stays signed in and warns when the renewal finds no network', async () => {
    const clocks = [PANE_NOW - 59 * 60_000];
    const { user, fake } = renderAwsPane({ cognitoNow: () => clocks.shift() ?? PANE_NOW });
    const realAnswer = fake.answer.bind(fake);
    fake.answer = (request) => {
      if (request.body.AuthFlow === 'REFRESH_TOKEN_AUTH') throw new TypeError('Failed to fetch');
      return realAnswer(request);
    };

    await user.type(screen.getByLabelText(/用户名或邮箱/), 'wang.li');
    await user.type(screen.getByLabelText(/^密码/), 'Correct-Horse-1');
    await user.click(screen.getByRole('button', { name: '登录' }));

    const warning = await screen.findByText('无法连接登录服务（Cognito），请检查网络');
    expect(warning.closest('[role="status"]')).toBeTruthy();
    expect(screen.getByText(/当前用户：王丽 · 网点主任/)).toBeTruthy();
  });

  it('keeps pasting an ID token as an advanced fallback', async () => {
    const { user } = renderAwsPane();
    const token = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 's', name: '李审计', 'custom:role': 'auditor' })).toString('base64url')}.sig`;

    await user.click(screen.getByRole('button', { name: '高级：粘贴 ID 令牌' }));
    const buttons = screen.getAllByRole('button', { name: '登录' });
    await user.click(buttons[buttons.length - 1]);
    expect((await screen.findByRole('alert')).textContent).toContain('请粘贴 ID 令牌');
    await user.type(screen.getByLabelText('ID 令牌（JWT）'), token);
    await user.click(buttons[buttons.length - 1]);

    expect(await screen.findByText(/当前用户：李审计 · 审计（总行） · 范围：全部支行/)).toBeTruthy();
  });
});
