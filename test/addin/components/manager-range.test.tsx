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

  it('offers months for a monthly template and asks for months', async () => {
    // Prepare
    const pane = renderPane({
      'POST /local/token': () => ({ status: 200, body: { token: tokenFor('subbranch_manager', { subBranch: '3301' }) } }),
      'GET /consolidated': () => ({ status: 403, body: { code: 'forbidden', message_zh: '无权查看该支行', message_en: 'out of scope' } }),
    });
    await pane.user.click(screen.getByRole('radio', { name: '个金经理（支行）' }));
    await pane.user.click(screen.getByRole('button', { name: '登录' }));
    await pane.user.selectOptions(await screen.findByLabelText('模板'), 'activity-tracking');
    await pane.user.click(screen.getByRole('radio', { name: '时间段（活动期）' }));
    // Act
    expect(screen.queryByLabelText('开始日期')).toBeNull();
    await pane.user.selectOptions(screen.getByLabelText('开始月份'), '2026-12');
    await pane.user.selectOptions(screen.getByLabelText('结束月份'), '2026-11');
    await pane.user.click(screen.getByRole('button', { name: '拉取汇总' }));
    expect((await screen.findByRole('alert')).textContent).toContain('期间的结束月 2026-11 早于开始月 2026-12');
    await pane.user.selectOptions(screen.getByLabelText('开始月份'), '2026-10');
    await pane.user.click(screen.getByRole('button', { name: '拉取汇总' }));
    // Assess
    expect((await screen.findByRole('alert')).textContent).toContain('无权查看该支行');
    expect(pane.requests.at(-1)?.path).toBe('/consolidated?template=activity-tracking&subBranch=3301&from=2026-10&to=2026-11&rows=1');
  });
});

describe('ManagerPanel: a pull that fails', () => {
  it('shows a bilingual error naming the cause and lets the manager pull again', async () => {
    // Prepare: the workbook host throws while writing the summary (as Office.js does when the workbook is busy)
    const summary = { template: 'invite-daily', subBranch: '3301', from: '2026-12-01', to: '2026-12-01', ranking: 'rank.eq', outlets: [], missing: [], total: {} };
    const pane = renderPane({
      'POST /local/token': () => ({ status: 200, body: { token: tokenFor('subbranch_manager', { subBranch: '3301' }) } }),
      'GET /consolidated': () => ({ status: 200, body: summary }),
    });
    pane.workbook.writeSummarySheets = () => Promise.reject(new Error('InvalidOperation: the workbook is in cell-edit mode'));
    await pane.user.click(screen.getByRole('radio', { name: '个金经理（支行）' }));
    await pane.user.click(screen.getByRole('button', { name: '登录' }));

    // Act
    await pane.user.click(await screen.findByRole('button', { name: '拉取汇总' }));

    // Assess
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('出错了');
    expect(alert.textContent).toContain('cell-edit mode');
    await pane.user.click(screen.getByRole('button', { name: 'English' }));
    expect(alert.textContent).toContain('Something went wrong');
    expect((screen.getByRole('button', { name: '拉取汇总' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
