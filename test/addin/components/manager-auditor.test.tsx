/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { renderPane, tokenFor, type Route } from './pane-harness';

async function signInAs(role: 'subbranch_manager' | 'auditor', routes: Record<string, Route>) {
  const pane = renderPane({ 'POST /local/token': () => ({ status: 200, body: { token: tokenFor(role, role === 'auditor' ? {} : { subBranch: '3301' }) } }), ...routes });
  await pane.user.click(screen.getByRole('radio', { name: role === 'auditor' ? '审计（总行）' : '个金经理（支行）' }));
  await pane.user.click(screen.getByRole('button', { name: '登录' }));
  return pane;
}

const summary = {
  template: 'invite-daily',
  subBranch: '3301',
  from: '2026-12-01',
  to: '2026-12-01',
  ranking: 'rank.eq',
  outlets: [
    { outlet: '3301002', outletName: '新华路网点', rank: 1, values: { 有效邀约: 16, 有效邀约达成率: 16 / 15 } },
    { outlet: '3301001', outletName: '营业部', rank: 2, values: { 有效邀约: 9, 有效邀约达成率: 0.6 } },
  ],
  missing: [{ outlet: '3301003', outletName: '解放路网点' }],
  total: { 有效邀约: 25 },
  rows: [{ outlet: '3301001', period: '2026-12-01', version: 1, rows: [{ rowNumber: 5, values: { B: '张三', C: '138****8000' } }] }],
};

describe('ManagerPanel', () => {
  it('pulls the ranked summary of the day into a sheet named for it, with the rows sheet', async () => {
    const pane = await signInAs('subbranch_manager', { 'GET /consolidated': () => ({ status: 200, body: summary }) });
    await pane.user.click(await screen.findByRole('button', { name: '拉取汇总' }));
    expect(await screen.findByText('已写入工作表 汇总 2026-12-01：2 个网点已排名，1 个未报送，1 个目标达成预警')).toBeTruthy();
    expect(pane.requests.at(-1)?.path).toBe('/consolidated?template=invite-daily&subBranch=3301&from=2026-12-01&to=2026-12-01&rows=1');
    expect(pane.workbook.cell('汇总 2026-12-01', 'A7')?.value).toBe('未报送');
    expect(pane.workbook.cell('汇总 2026-12-01', 'M6')?.value).toBe('预警');
    expect(pane.workbook.sheet('汇总 2026-12-01')?.charts[0].categories).toEqual(['新华路网点', '营业部']);
    expect(pane.workbook.cell('明细 2026-12-01', 'F5')?.value).toBe('138****8000');
  });

  it('asks for a date range for the campaign', async () => {
    const pane = await signInAs('subbranch_manager', { 'GET /consolidated': () => ({ status: 200, body: { ...summary, to: '2026-12-07' } }) });
    await pane.user.click(await screen.findByRole('radio', { name: '时间段（活动期）' }));
    const to = screen.getByLabelText('结束日期');
    await pane.user.clear(to);
    await pane.user.type(to, '2026-12-07');
    await pane.user.click(screen.getByRole('button', { name: '拉取汇总' }));
    expect(await screen.findByText(/已写入工作表 汇总 2026-12-01~12-07/)).toBeTruthy();
    expect(pane.requests.at(-1)?.path).toContain('from=2026-12-01&to=2026-12-07');
  });

  it('shows a refusal in Chinese', async () => {
    const pane = await signInAs('subbranch_manager', { 'GET /consolidated': () => ({ status: 403, body: { code: 'forbidden', message_zh: '无权查看该支行', message_en: 'out of scope' } }) });
    await pane.user.click(await screen.findByRole('button', { name: '拉取汇总' }));
    expect((await screen.findByRole('alert')).textContent).toContain('无权查看该支行');
  });
});

// AuditorPanel: test/addin/components/auditor-panel.test.tsx
