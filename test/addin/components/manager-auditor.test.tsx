/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
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
    expect(pane.workbook.cell('汇总 2026-12-01', 'A6')?.value).toBe('未报送');
    expect(pane.workbook.sheet('汇总 2026-12-01')?.charts[0].categories).toEqual(['新华路网点', '营业部', '解放路网点']);
    expect(pane.workbook.cell('明细 2026-12-01', 'D2')?.value).toBe('138****8000');
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

describe('AuditorPanel', () => {
  it('shows the overview of all sub-branches and the outlets missing in one', async () => {
    // Prepare
    const pane = await signInAs('auditor', {
      'GET /audit?date=2026-12-01&subBranch=3301': () => ({
        status: 200,
        body: {
          date: '2026-12-01',
          subBranch: '3301',
          name: '城东支行',
          outlets: [
            { outlet: '3301001', outletName: '营业部', reported: true, onTime: true, late: false, nonCompliant: false, versions: [{ template: 'invite-daily', templateVersion: 1, version: 1, late: false, findings: [] }], rejectedAttempts: [] },
            {
              outlet: '3301002',
              outletName: '新华路网点',
              reported: true,
              onTime: false,
              late: true,
              nonCompliant: true,
              versions: [{ template: 'invite-daily', templateVersion: 1, version: 2, late: true, findings: [{ severity: 'warning', message_zh: '报送时间 21:30 晚于截止时间 20:00', message_en: 'late' }] }],
              rejectedAttempts: [{ submittedAt: '2026-12-01T12:00:00Z', errorCount: 1, findings: [{ severity: 'error', message_zh: '邀约明细!D5 的值“路过客户”不在可选范围内', message_en: 'enum' }] }],
            },
            { outlet: '3301003', outletName: '解放路网点', reported: false, onTime: false, late: false, nonCompliant: false, versions: [], rejectedAttempts: [] },
          ],
        },
      }),
      'GET /audit?date=2026-12-01': () => ({
        status: 200,
        body: { date: '2026-12-01', subBranches: [{ subBranch: '3301', name: '城东支行', expected: 10, reported: 9, onTime: 8, late: 1, nonCompliant: 1, rejectedAttempts: 2 }] },
      }),
    });

    // Act 1
    await pane.user.click(await screen.findByRole('button', { name: '查看全部支行' }));
    const overview = await screen.findByRole('table', { name: '各支行' });
    expect(within(overview).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['支行', '名称', '应报', '已报', '按时', '迟报', '不合规', '被拒次数']);
    expect(within(overview).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3301', '城东支行', '10', '9', '8', '1', '1', '2']);

    // Act 2
    await pane.user.type(screen.getByLabelText('支行代码'), '3301');
    await pane.user.click(screen.getByRole('button', { name: '查看支行审计' }));

    // Assess
    const missing = await screen.findByRole('region', { name: '未报送网点' });
    expect(within(missing).getAllByRole('listitem').map((li) => li.textContent?.trim())).toEqual(['解放路网点 3301003']);
    const outlets = screen.getByRole('list', { name: '各网点' });
    expect(within(outlets).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '营业部3301001按时模板版本：invite-daily v1',
      '新华路网点3301002迟报不合规模板版本：invite-daily v1被拒 1 次报送时间 21:30 晚于截止时间 20:00邀约明细!D5 的值“路过客户”不在可选范围内',
      '解放路网点3301003未报送',
    ]);
  });

  it('publishes a template version after checking the spec, and refuses a broken one', async () => {
    const pane = await signInAs('auditor', { 'PUT /templates/invite-daily/2': () => ({ status: 201, body: { id: 'invite-daily', version: 2 } }) });
    const box = await screen.findByLabelText('模板定义（JSON）');
    await pane.user.click(box);
    await pane.user.paste('{"id":"invite-daily"}');
    await pane.user.click(screen.getByRole('button', { name: '发布' }));
    expect((await screen.findByRole('alert')).textContent).toContain('模板定义无效');
    expect(pane.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);

    const spec = { ...(await import('../../../shared/templates/invite-daily.v1.json')).default, version: 2 };
    await pane.user.clear(box);
    await pane.user.click(box);
    await pane.user.paste(JSON.stringify(spec));
    await pane.user.click(screen.getByRole('button', { name: '发布' }));
    expect(await screen.findByText('已发布 invite-daily 第 2 版')).toBeTruthy();
    expect(pane.requests.find((r) => r.method === 'PUT')).toMatchObject({ path: '/templates/invite-daily/2', body: { id: 'invite-daily', version: 2 } });
  });
});
