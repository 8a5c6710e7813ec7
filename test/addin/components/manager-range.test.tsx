/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { renderPane, tokenFor } from './pane-harness';

describe('ManagerPanel: the range is checked before the server is asked', () => {
  it('says a reversed range (12-05 → 12-01) is reversed, in Chinese, and sends nothing', async () => {
    // Prepare
    const pane = renderPane({ 'POST /local/token': () => ({ status: 200, body: { token: tokenFor('subbranch_manager', { subBranch: '3301' }) } }) });
    await pane.user.click(screen.getByRole('radio', { name: '个金经理（支行）' }));
    await pane.user.click(screen.getByRole('button', { name: '登录' }));
    await pane.user.click(await screen.findByRole('radio', { name: '时间段（活动期）' }));
    const from = screen.getByLabelText('开始日期');
    const to = screen.getByLabelText('结束日期');
    await pane.user.clear(from);
    await pane.user.type(from, '2026-12-05');
    await pane.user.clear(to);
    await pane.user.type(to, '2026-12-01');
    const asked = pane.requests.length;

    // Act
    await pane.user.click(screen.getByRole('button', { name: '拉取汇总' }));

    // Assess
    expect((await screen.findByRole('alert')).textContent).toContain('期间的结束日 2026-12-01 早于开始日 2026-12-05');
    expect(pane.requests.slice(asked).filter((r) => r.path.startsWith('/consolidated'))).toEqual([]);
  });
});
