/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import { renderPane, tokenFor, type Route } from './pane-harness';
import { storedSubmission, submissionVersion } from '../api/api-answers';

const signIn: Route = () => ({ status: 200, body: { token: tokenFor('outlet_head', { subBranch: '3301', outlet: '3301001' }) } });

async function signedIn(routes: Record<string, Route> = {}) {
  const pane = renderPane({ 'POST /local/token': signIn, ...routes });
  await pane.user.type(screen.getByLabelText('姓名（填报人）'), '王主任');
  await pane.user.click(screen.getByRole('button', { name: '登录' }));
  await screen.findByRole('button', { name: '插入模板' });
  return pane;
}

function fillWithErrors(pane: Awaited<ReturnType<typeof signedIn>>) {
  pane.workbook.setValues('邀约明细', 'B5', [
    ['张三', '+86 138-0013-8000', '存量客户', '高端客户', '150万', '保险到期', 45, '电话', '李经理', 'Y', '是', '2026年12月8日'],
    ['李四', '13900139000', '流量客户', '中端客户', 30, '无', 17, '短信', '李经理', '否'],
  ]);
}

describe('OutletPanel', () => {
  it('inserts the template with the header filled from the user and today in Asia/Shanghai', async () => {
    const pane = await signedIn();
    await pane.user.click(screen.getByRole('button', { name: '插入模板' }));
    await screen.findByText('已插入工作表 邀约明细');
    const cell = (a: string) => pane.workbook.cell('邀约明细', a)?.value;
    expect([cell('B2'), cell('D2'), cell('F2'), cell('H2')]).toEqual(['3301', '3301001', 46357, '王主任']);
    expect(pane.workbook.sheet('邀约明细')?.lists.get('K')).toEqual(['是', '否']);
  });

  it('checks the sheet: findings grouped by row, a click selects the cell, cells marked', async () => {
    // Prepare
    const pane = await signedIn();
    await pane.user.click(screen.getByRole('button', { name: '插入模板' }));
    await screen.findByText('已插入工作表 邀约明细');
    fillWithErrors(pane);

    // Act
    await pane.user.click(screen.getByRole('button', { name: '校验当前表' }));

    // Assess
    const findings = await screen.findByRole('region', { name: '校验结果' });
    expect(within(findings).getByText('2 个错误，4 个警告，1 条提示')).toBeTruthy();
    const headings = within(findings).getAllByRole('heading').map((h) => h.textContent);
    expect(headings).toEqual(['整表', '第 5 行', '第 6 行']);
    const enumError = within(findings).getByRole('button', { name: /^错误 邀约明细!E6（客户类别）的值“中端客户”不在可选范围内/ });
    await pane.user.click(enumError);
    expect(pane.workbook.selection).toBe('E6');
    expect(Object.fromEntries(pane.workbook.sheet('邀约明细')!.highlights)).toMatchObject({ E6: 'error', H6: 'error', F5: 'warning' });
  });

  it('is usable by keyboard: Tab reaches the buttons and a finding, Enter acts', async () => {
    const pane = await signedIn();
    screen.getByRole('button', { name: '插入模板' }).focus();
    await pane.user.keyboard('{Enter}');
    await screen.findByText('已插入工作表 邀约明细');
    fillWithErrors(pane);
    await pane.user.tab(); // 打开已报送的报表
    await pane.user.tab(); // 校验当前表
    expect(document.activeElement?.textContent).toBe('校验当前表');
    await pane.user.keyboard('{Enter}');
    const finding = await screen.findByRole('button', { name: /邀约明细!H6（年龄）/ });
    finding.focus();
    await pane.user.keyboard(' ');
    expect(pane.workbook.selection).toBe('H6');
  });

  it('applies the safe fixes in one step, refuses to submit with errors, then submits and shows the rank', async () => {
    // Prepare
    const pane = await signedIn({
      'POST /submissions': () => ({
        status: 201,
        body: {
          submission: submissionVersion(),
          findings: [{ code: 'late-submission', severity: 'warning', address: '邀约明细', value: null, message_zh: '报送时间晚于截止时间 20:00', message_en: 'late', fix: null }],
        },
      }),
      'GET /consolidated': () => ({
        status: 200,
        body: { template: 'invite-daily', subBranch: '3301', from: '2026-12-01', to: '2026-12-01', ranking: 'rank.eq', outlets: [{ outlet: '3301002', outletName: 'x', rank: 1, values: {} }, { outlet: '3301001', outletName: 'y', rank: 2, values: {} }], missing: [{ outlet: '3301003', outletName: 'z' }], total: {} },
      }),
    });
    await pane.user.click(screen.getByRole('button', { name: '插入模板' }));
    await screen.findByText('已插入工作表 邀约明细');
    fillWithErrors(pane);

    // Act 1: fix
    await pane.user.click(screen.getByRole('button', { name: '一键修正' }));
    expect(await screen.findByText('已修正 4 处')).toBeTruthy();
    expect(pane.workbook.cell('邀约明细', 'F5')?.value).toBe(150);

    // Act 2: submit with errors left
    await pane.user.click(screen.getByRole('button', { name: '提交' }));
    expect((await screen.findByRole('alert')).textContent).toContain('表格仍有 2 个错误，请先修正后再提交');
    expect(pane.requests.filter((r) => r.path === '/submissions')).toHaveLength(0);

    // Act 3: the user corrects the two cells and submits
    pane.workbook.setValues('邀约明细', 'E6', [['普通客户']]);
    pane.workbook.setValues('邀约明细', 'H6', [[30]]);
    await pane.user.click(screen.getByRole('button', { name: '提交' }));

    // Assess
    expect(await screen.findByText('提交成功：3301001 2026-12-01。当前排名：第 2 名（共 3 个网点）')).toBeTruthy();
    const post = pane.requests.find((r) => r.path === '/submissions')!;
    expect(post.headers['idempotency-key']).toBe('key-1');
    expect((post.body as { identities: unknown[] }).identities).toEqual([{ sheetName: '邀约明细', id: 'invite-daily', version: 1 }]);
    expect(pane.requests.at(-1)?.path).toBe('/consolidated?template=invite-daily&subBranch=3301&from=2026-12-01&to=2026-12-01');
    expect(screen.getByText('报送时间晚于截止时间 20:00')).toBeTruthy();
    expect(pane.workbook.sheet('邀约明细')!.highlights.size).toBe(0);
  });

  it('queues the submission when offline and sends it later with the same key', async () => {
    // Prepare
    let online = false;
    const pane = await signedIn({
      'POST /submissions': () => (online ? { status: 201, body: { submission: submissionVersion(), findings: [] } } : 'offline'),
    });
    await pane.user.click(screen.getByRole('button', { name: '插入模板' }));
    await screen.findByText('已插入工作表 邀约明细');
    pane.workbook.setValues('邀约明细', 'B5', [['张三', '13800138000', '存量客户', '高端客户', 150, '无', 45, '电话', '李经理', '否']]);

    // Act
    await pane.user.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText(/网络不可用：报表已保存在本机待发送队列/)).toBeTruthy();
    expect(screen.getByText('待发送：1 份')).toBeTruthy();
    online = true;
    await pane.user.click(screen.getByRole('button', { name: '立即重试' }));

    // Assess
    await waitFor(() => expect(screen.queryByText('待发送：1 份')).toBeNull());
    expect(screen.getByText('待发送队列已发出 1 份')).toBeTruthy();
    const keys = pane.requests.filter((r) => r.path === '/submissions').map((r) => r.headers['idempotency-key']);
    expect(keys).toEqual(['key-1', 'key-1']);
  });

  it('shows the server findings when the server refuses the sheet', async () => {
    const pane = await signedIn({
      'POST /submissions': () => ({
        status: 422,
        body: { code: 'sheet-has-errors', message_zh: '表格有 1 处错误，未保存', message_en: 'not stored', findings: [{ code: 'duplicate-customer', severity: 'error', address: '邀约明细!C5', row: 5, column: 'C', value: null, message_zh: '客户重复', message_en: 'duplicate', fix: null }] },
      }),
    });
    await pane.user.click(screen.getByRole('button', { name: '插入模板' }));
    await screen.findByText('已插入工作表 邀约明细');
    pane.workbook.setValues('邀约明细', 'B5', [['张三', '13800138000', '存量客户', '高端客户', 150, '无', 45, '电话', '李经理', '否']]);
    await pane.user.click(screen.getByRole('button', { name: '提交' }));
    expect((await screen.findByRole('alert')).textContent).toContain('表格有 1 处错误，未保存');
    expect(screen.getByRole('button', { name: /C5 客户重复/ })).toBeTruthy();
  });

  it('warns when the server has a newer template version than the pane', async () => {
    await signedIn({ 'GET /templates': () => ({ status: 200, body: { templates: [{ id: 'invite-daily', title: '网点客户邀约每日明细表', sheetName: '邀约明细', period: 'day', current: 2, versions: [1, 2] }] } }) });
    expect(await screen.findByText('服务器上的模板 网点客户邀约每日明细表 已发布第 2 版，本加载项的版本较旧：请更新加载项后再插入模板')).toBeTruthy();
  });

  it('says in the pane, in Chinese, that an answer of the wrong shape cannot be read, and inserts nothing', async () => {
    // Prepare: rows sent as a grid, a shape the server never sends
    const pane = await signedIn({
      'GET /submissions/3301001/invite-daily/2026-12-01': () => ({ status: 200, body: { submission: storedSubmission(), findings: [], sheets: [{ sheetName: '邀约明细', values: [] }] } }),
    });
    // Act
    await pane.user.click(screen.getByRole('button', { name: '打开已报送的报表' }));
    // Assess
    expect((await screen.findByRole('alert')).textContent).toContain('服务器对 GET /submissions/3301001/invite-daily/2026-12-01 的应答格式无法识别（rows:');
    expect(pane.workbook.sheet('邀约明细')).toBeUndefined();
  });

  it('reopens the stored submission of the day into a sheet', async () => {
    const pane = await signedIn({
      'GET /submissions/3301001/invite-daily/2026-12-01': () => ({
        status: 200,
        body: { submission: storedSubmission({ version: 2 }), findings: [], rows: [{ rowNumber: 5, values: { A: 1, B: '张三', K: '是', M: '2026-12-08' } }] },
      }),
    });
    await pane.user.click(screen.getByRole('button', { name: '打开已报送的报表' }));
    expect(await screen.findByText('已打开 2026-12-01 的报送：工作表 邀约明细')).toBeTruthy();
    expect([pane.workbook.cell('邀约明细', 'B5')?.value, pane.workbook.cell('邀约明细', 'M5')?.value]).toEqual(['张三', 46364]);
  });
});
