/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { renderPane, tokenFor } from './pane-harness';

describe('App', () => {
  it('signs in through the local token route and shows role and scope', async () => {
    // Prepare
    const { user, requests } = renderPane({
      'POST /local/token': () => ({ status: 200, body: { token: tokenFor('outlet_head', { subBranch: '3301', outlet: '3301001' }) } }),
    });

    // Act
    await user.type(screen.getByLabelText('姓名（填报人）'), '王主任');
    await user.click(screen.getByRole('button', { name: '登录' }));

    // Assess
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/local/token', body: { role: 'outlet_head', subBranch: '3301', outlet: '3301001', name: '王主任' } });
    expect(await screen.findByText(/当前用户：王主任 · 网点主任 · 范围：3301 \/ 3301001/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '插入模板' })).toBeTruthy();
  });

  it('shows the server refusal in a message bar', async () => {
    const { user } = renderPane({ 'POST /local/token': () => ({ status: 400, body: { code: 'bad-request', message_zh: '角色无效', message_en: 'bad role' } }) });
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect((await screen.findByRole('alert')).textContent).toContain('角色无效');
  });

  it('switches to English', async () => {
    const { user } = renderPane({});
    await user.selectOptions(screen.getByLabelText('语言'), 'en');
    expect(screen.getByRole('heading', { name: 'PTS joint-marketing reports' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('shows only a clear Chinese message on a host without the requirement set', () => {
    renderPane({}, { app: { unsupportedExcelApi: '1.9' } });
    expect(screen.getByRole('alert').textContent).toContain('此版本的 Excel 不支持本加载项所需的功能（ExcelApi 1.9）');
    expect(screen.queryByRole('button', { name: '登录' })).toBeNull();
  });
});
