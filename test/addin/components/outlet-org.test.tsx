/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import { demoOrganisation } from '#functions/local/demo-data';
import { outletHeadOrgView } from '#shared/api/org-view';
import { excelSerialFromDate } from '#shared/normalise/excel-serial-from-date';
import { jwt, renderPane, type Route } from './pane-harness';
import { storedSubmission } from '../api/api-answers';

const headToken = (name: string | null) =>
  jwt({ sub: 'local-outlet_head-3301002', 'custom:role': 'outlet_head', 'custom:subBranch': '3301', 'custom:outlet': '3301002', ...(name ? { name } : {}) });
const orgRoute: Route = () => ({ status: 200, body: outletHeadOrgView(demoOrganisation({ campaignFrom: '2026-12-01' })) });

async function signedIn(routes: Record<string, Route>, name: string | null = '李秀英', now?: () => Date) {
  const pane = renderPane({ 'POST /local/token': () => ({ status: 200, body: { token: headToken(name) } }), ...routes }, now ? { services: { now } } : {});
  await pane.user.click(screen.getByRole('button', { name: '登录' }));
  await screen.findByRole('button', { name: '插入模板' });
  return pane;
}

describe('OutletPanel with the organisation and the person', () => {
  it('shows the person by name, never the token subject, and writes the name as 填报人 of a new sheet', async () => {
    // Act
    const pane = await signedIn({ 'GET /org/3301': orgRoute });
    await pane.user.click(screen.getByRole('button', { name: '插入模板' }));
    await screen.findByText('已插入工作表 邀约明细');
    // Assess
    expect(screen.getByText('当前用户：李秀英 · 网点主任 · 范围：3301 / 3301002')).toBeTruthy();
    expect(screen.queryByText(/local-outlet_head/)).toBeNull();
    expect(pane.workbook.cell('邀约明细', 'H2')?.value).toBe('李秀英');
  });

  it('names the role when the token names no person', async () => {
    await signedIn({ 'GET /org/3301': orgRoute }, null);
    expect(screen.getByText('当前用户：网点主任 · 范围：3301 / 3301002')).toBeTruthy();
  });

  it('checks with the organisation fetched after sign-in: a wrong sale day is an error, nothing is skipped', async () => {
    // Prepare
    const pane = await signedIn({ 'GET /org/3301': orgRoute });
    await pane.user.click(screen.getByRole('button', { name: '插入模板' }));
    await screen.findByText('已插入工作表 邀约明细');
    pane.workbook.setValues('邀约明细', 'B5', [['张三', '13800138000', '存量客户', '高端客户', 150, '无', 45, '电话', '李经理', '是', '是', excelSerialFromDate('2026-12-20')]]);
    // Act
    await pane.user.click(screen.getByRole('button', { name: '校验当前表' }));
    // Assess
    const findings = await screen.findByRole('region', { name: '校验结果' });
    expect(within(findings).getByRole('button', { name: /邀约明细!M5/ }).textContent).toContain('2026-12-08');
    expect(within(findings).queryByText(/未提供机构信息/)).toBeNull();
    expect(pane.requests.filter((r) => r.path === '/org/3301')).toHaveLength(1);
    expect(pane.workbook.sheet('邀约明细')!.highlights.get('M5')).toBe('error');
  });

  it('says so when the organisation cannot be had, and still checks what it can', async () => {
    // Prepare
    const pane = await signedIn({ 'GET /org/3301': () => ({ status: 404, body: { code: 'not-found', message_zh: '支行 3301 尚无机构文件', message_en: 'no organisation' } }) });
    expect(await screen.findByText(/未能取得支行 3301 的机构信息/)).toBeTruthy();
    await pane.user.click(screen.getByRole('button', { name: '插入模板' }));
    await screen.findByText('已插入工作表 邀约明细');
    // Act
    await pane.user.click(screen.getByRole('button', { name: '校验当前表' }));
    // Assess
    expect(await screen.findByText(/未提供机构信息，以下检查已跳过/)).toBeTruthy();
  });

  it('marks the cells of the server 422 findings in the sheet', async () => {
    // Prepare
    const pane = await signedIn({
      'GET /org/3301': orgRoute,
      'POST /submissions': () => ({
        status: 422,
        body: {
          code: 'sheet-has-errors',
          message_zh: '表格有 1 处错误，未保存，请修改后重新提交',
          message_en: 'the sheet has 1 error(s) and was not stored; fix them and submit again',
          findings: [{ code: 'enum-error', severity: 'error', address: '邀约明细!D5', row: 5, column: 'D', value: '路过客户', message_zh: '邀约明细!D5（客户来源）的值“路过客户”不在可选范围内', message_en: 'not allowed', fix: null }],
        },
      }),
    });
    await pane.user.click(screen.getByRole('button', { name: '插入模板' }));
    await screen.findByText('已插入工作表 邀约明细');
    pane.workbook.setValues('邀约明细', 'B5', [['张三', '13800138000', '存量客户', '高端客户', 150, '无', 45, '电话', '李经理', '否']]);
    // Act
    await pane.user.click(screen.getByRole('button', { name: '提交' }));
    // Assess
    expect((await screen.findByRole('alert')).textContent).toContain('表格有 1 处错误，未保存，请修改后重新提交。服务器发现的 1 处问题已在表格中标出');
    expect(Object.fromEntries(pane.workbook.sheet('邀约明细')!.highlights)).toEqual({ D5: 'error' });
  });

  it('keeps the stored 填报人 when reopening a submission, and names the template by its title when there is none', async () => {
    // Prepare
    const pane = await signedIn({
      'GET /org/3301': orgRoute,
      'GET /submissions/3301002/invite-daily/2026-12-01': () => ({
        status: 200,
        body: { submission: storedSubmission({ outlet: '3301002', version: 2, submitter: 'local-outlet_head-3301002', submitterName: '王建国' }), findings: [], rows: [{ rowNumber: 5, values: { A: 1, B: '张三' } }] },
      }),
    });
    // Act
    await pane.user.click(screen.getByRole('button', { name: '打开已报送的报表' }));
    await screen.findByText('已打开 2026-12-01 的报送：工作表 邀约明细');
    const date = screen.getByLabelText('报表日期');
    await pane.user.clear(date);
    await pane.user.type(date, '2026-12-02');
    await pane.user.click(screen.getByRole('button', { name: '打开已报送的报表' }));
    // Assess
    expect(pane.workbook.cell('邀约明细', 'H2')?.value).toBe('王建国');
    expect(await screen.findByText('没有网点 3301002 的“网点客户邀约每日明细表”2026-12-02 报送')).toBeTruthy();
  });

  it('offers months, not days, for a monthly template, and shows notices in English on demand', async () => {
    // Prepare
    const pane = await signedIn({ 'GET /org/3301': orgRoute });
    // Act
    await pane.user.selectOptions(screen.getByLabelText('模板'), 'activity-tracking');
    // Assess
    expect(screen.queryByLabelText('报表日期')).toBeNull();
    const month = screen.getByLabelText('填报月份') as HTMLSelectElement;
    expect(month.selectedOptions[0].textContent).toBe('2026年12月');
    await pane.user.selectOptions(month, '2026-11');
    await pane.user.click(screen.getByRole('button', { name: '插入模板' }));
    const inserted = await screen.findByText('已插入工作表 活动追踪');
    expect(pane.workbook.cell('活动追踪', 'D2')?.value).toBe('2026-11');
    expect(screen.queryByText('Inserted sheet 活动追踪')).toBeNull();
    await pane.user.click(within(inserted.closest('[role="status"]') as HTMLElement).getByRole('button', { name: 'English' }));
    expect(screen.getByText('Inserted sheet 活动追踪')).toBeTruthy();
  });

  it('fetches the organisation again when it is older than ten minutes, and keeps the older one when the API is away', async () => {
    // Prepare
    let at = Date.parse('2026-11-30T17:00:00Z');
    let online = true;
    const pane = await signedIn({ 'GET /org/3301': (request) => (online ? orgRoute(request) : 'offline') }, '李秀英', () => new Date(at));
    await pane.user.click(screen.getByRole('button', { name: '插入模板' }));
    await screen.findByText('已插入工作表 邀约明细');
    pane.workbook.setValues('邀约明细', 'B5', [['张三', '13800138000', '存量客户', '高端客户', 150, '无', 45, '电话', '李经理', '是', '是', excelSerialFromDate('2026-12-20')]]);
    const check = async () => {
      await pane.user.click(screen.getByRole('button', { name: '校验当前表' }));
      return within(await screen.findByRole('region', { name: '校验结果' })).findByRole('button', { name: /邀约明细!M5/ });
    };
    // Act
    await check();
    at += 9 * 60_000;
    await check();
    const within10Minutes = pane.requests.filter((r) => r.path === '/org/3301').length;
    at += 2 * 60_000;
    online = false;
    await pane.user.click(screen.getByRole('button', { name: '清除标记' }));
    expect(pane.workbook.sheet('邀约明细')!.highlights.size).toBe(0);
    await pane.user.click(screen.getByRole('button', { name: '校验当前表' }));
    // Assess: the third check asked again (offline) and still checked the sale day with the older file
    await waitFor(() => expect(pane.workbook.sheet('邀约明细')!.highlights.get('M5')).toBe('error'));
    expect(within10Minutes).toBe(1);
    expect(pane.requests.filter((r) => r.path === '/org/3301')).toHaveLength(2);
  });
});
