/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import inviteDaily from '#templates/invite-daily.v1.json';
import { renderPane, tokenFor, type Route } from './pane-harness';

async function signInAsAuditor(routes: Record<string, Route>) {
  const pane = renderPane({ 'POST /local/token': () => ({ status: 200, body: { token: tokenFor('auditor') } }), ...routes });
  await pane.user.click(screen.getByRole('radio', { name: '审计（总行）' }));
  await pane.user.click(screen.getByRole('button', { name: '登录' }));
  return pane;
}

/** axe-core's violations in jsdom (no layout: colour contrast is left to the browser test). */
async function axeViolations(container: Element): Promise<string[]> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

const line = { subBranch: '3301', name: '城东支行', expected: 10, reported: 3, onTime: 3, late: 0, nonCompliant: 0, rejectedAttempts: 0 };
const outlet = (code: string, name: string, reported: boolean, template = 'invite-daily') => ({
  outlet: code,
  outletName: name,
  reported,
  onTime: reported,
  late: false,
  nonCompliant: false,
  versions: reported ? [{ template, templateVersion: 1, period: '2026-12-02', version: 1, submittedAt: '2026-12-02T10:00:00Z', late: false, findings: [] }] : [],
  rejectedAttempts: [],
});
const inviteBlock = { template: 'invite-daily', title: '网点客户邀约每日明细表', version: 1, period: '2026-12-02', dueDay: '2026-12-02', due: true };

describe('AuditorPanel', () => {
  it('shows one block per template due, with a card per sub-branch', async () => {
    // Prepare
    const pane = await signInAsAuditor({
      'GET /audit?date=2026-12-02': () => ({ status: 200, body: { date: '2026-12-02', subBranches: [line], templates: [{ ...inviteBlock, subBranches: [{ ...line, due: true }] }] } }),
    });
    const date = await screen.findByLabelText('审计日期');
    fireEvent.change(date, { target: { value: '2026-12-02' } });

    // Act
    await pane.user.click(screen.getByRole('button', { name: '查看全部支行' }));

    // Assess
    const block = await screen.findByRole('region', { name: '网点客户邀约每日明细表（v1）' });
    expect(within(block).getByText('2026-12-02 · 截止 2026-12-02')).toBeTruthy();
    const cards = within(block).getByRole('list', { name: '各支行 · 网点客户邀约每日明细表' });
    expect(within(cards).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['城东支行3301已报 3/10按时3迟报0不合规0被拒0']);
    expect(pane.requests.at(-1)?.path).toBe('/audit?date=2026-12-02');
    expect(await axeViolations(pane.container)).toEqual([]);
  });

  it('asks for the chosen template and lists per template the outlets that did not report it', async () => {
    // Prepare
    const pane = await signInAsAuditor({
      'GET /audit?date=2026-12-02&subBranch=3301&template=activity-tracking': () => ({
        status: 200,
        body: {
          date: '2026-12-02',
          subBranch: '3301',
          name: '城东支行',
          outlets: [],
          templates: [
            {
              template: 'activity-tracking',
              title: '客养活动追踪与评估表',
              version: 1,
              period: '2026-12',
              dueDay: '2026-12-31',
              due: false,
              outlets: [outlet('3301003', '解放路网点', false, 'activity-tracking'), { ...outlet('3301004', '人民路网点', true, 'activity-tracking') }],
            },
          ],
        },
      }),
    });
    fireEvent.change(await screen.findByLabelText('审计日期'), { target: { value: '2026-12-02' } });
    await pane.user.selectOptions(screen.getByLabelText('审计模板'), '客养活动追踪与评估表（v1）');
    await pane.user.type(screen.getByLabelText('支行代码'), '3301');

    // Act
    await pane.user.click(screen.getByRole('button', { name: '查看支行审计' }));

    // Assess
    const block = await screen.findByRole('region', { name: '客养活动追踪与评估表（v1）' });
    expect(within(block).getByText('2026-12 · 今日不是应报日（截止 2026-12-31）')).toBeTruthy();
    const missing = within(block).getByRole('region', { name: '未报送网点 · 客养活动追踪与评估表' });
    expect(within(missing).getAllByRole('listitem').map((li) => li.textContent?.trim())).toEqual(['解放路网点 3301003']);
    const outlets = within(block).getByRole('list', { name: '各网点报送情况 · 客养活动追踪与评估表' });
    expect(within(outlets).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['解放路网点3301003未报送', '人民路网点3301004按时模板版本：客养活动追踪与评估表（第 1 版）']);
    expect(pane.requests.at(-1)?.path).toBe('/audit?date=2026-12-02&subBranch=3301&template=activity-tracking');
    expect(await axeViolations(pane.container)).toEqual([]);
  });

  it('offers the templates the server lists, a version published since the pane was built included', async () => {
    // Prepare
    const listing = {
      templates: [
        { id: 'invite-daily', title: '网点客户邀约每日明细表', sheetName: '邀约明细', period: 'day', current: 2, versions: [1, 2] },
        { id: 'visit-log', title: '客户拜访记录表', sheetName: '拜访记录', period: 'day', current: 1, versions: [1] },
      ],
    };
    await signInAsAuditor({ 'GET /templates': () => ({ status: 200, body: listing }) });
    // Act
    const select = await screen.findByLabelText('审计模板');
    // Assess
    await screen.findByRole('option', { name: '客户拜访记录表（v1）' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['当日应报的全部模板', '网点客户邀约每日明细表（v2）', '客户拜访记录表（v1）']);
  });

  it('says so when no template is due that day', async () => {
    const pane = await signInAsAuditor({ 'GET /audit?date=2026-12-20': () => ({ status: 200, body: { date: '2026-12-20', subBranches: [], templates: [] } }) });
    fireEvent.change(await screen.findByLabelText('审计日期'), { target: { value: '2026-12-20' } });
    await pane.user.click(screen.getByRole('button', { name: '查看全部支行' }));
    expect(await screen.findByText('2026-12-20 没有应报的模板（不在活动期内，也不是月末）')).toBeTruthy();
  });
});

describe('TemplatePublisher', () => {
  it('reads a chosen .json file, lists its problems in Chinese at their JSON paths and does not publish it', async () => {
    // Prepare
    const pane = await signInAsAuditor({});
    const broken = { ...inviteDaily, version: 2, columns: inviteDaily.columns.map((c, i) => (i === 3 ? { ...c, type: 'txt' } : c)) };
    const picker = await screen.findByLabelText('选择模板文件（.json）');
    expect(picker.getAttribute('accept')).toBe('.json,application/json');

    // Act
    await pane.user.upload(picker, new File([JSON.stringify(broken)], 'invite-daily.v2.json', { type: 'application/json' }));

    // Assess
    const issues = await screen.findByRole('list', { name: '模板定义的问题（1 处）' });
    expect(within(issues).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'columns[3].type：应为以下之一："text"、"integer"、"number"、"money"、"date"、"month"、"enum"、"boolean"、"phone"',
    ]);
    expect((screen.getByRole('button', { name: '发布' }) as HTMLButtonElement).disabled).toBe(true);
    expect(pane.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('previews the blank sheet a valid version inserts, then publishes it', async () => {
    // Prepare
    const pane = await signInAsAuditor({ 'PUT /templates/invite-daily/2': () => ({ status: 201, body: { id: 'invite-daily', version: 2, current: 2 } }) });
    const spec = { ...inviteDaily, version: 2 };
    await pane.user.upload(await screen.findByLabelText('选择模板文件（.json）'), new File([JSON.stringify(spec)], 'invite-daily.v2.json', { type: 'application/json' }));

    // Act 1
    const preview = await screen.findByRole('table', { name: '预览：插入的空白工作表“邀约明细”' });

    // Assess 1: title, header labels and the header row, then the first data row's drop-downs
    const rows = within(preview).getAllByRole('row');
    const cellsOf = (row: HTMLElement) => within(row).queryAllByRole('cell').map((c) => c.textContent);
    expect(cellsOf(rows[1]).slice(0, 2)).toEqual(['网点客户邀约每日明细表', '']);
    expect(cellsOf(rows[2]).slice(0, 8)).toEqual(['支行', '', '网点', '', '填报日期', '', '填报人', '']);
    expect(cellsOf(rows[3]).slice(0, 4)).toEqual(['邀约人次', 'ƒx', '有效邀约', 'ƒx']);
    expect(cellsOf(rows[4]).slice(0, 4)).toEqual(['序号', '客户姓名', '联系电话', '客户来源']);
    expect(cellsOf(rows[5])[3]).toBe('▾ 存量客户/流量客户/客户经理积累');
    expect(screen.getByText('模板定义有效：invite-daily 第 2 版')).toBeTruthy();
    expect(await axeViolations(pane.container)).toEqual([]);

    // Act 2
    await pane.user.click(screen.getByRole('button', { name: '发布' }));

    // Assess 2
    expect(await screen.findByText('已发布 invite-daily 第 2 版')).toBeTruthy();
    expect(pane.requests.find((r) => r.method === 'PUT')).toMatchObject({ path: '/templates/invite-daily/2', body: { id: 'invite-daily', version: 2 } });
  });

  it('accepts a pasted spec too, and reports text that is not JSON', async () => {
    const pane = await signInAsAuditor({});
    const box = await screen.findByLabelText('模板定义（JSON）');
    await pane.user.click(box);
    await pane.user.paste('{"id": ');
    const issues = await screen.findByRole('list', { name: '模板定义的问题（1 处）' });
    expect(within(issues).getByRole('listitem').textContent).toMatch(/^\(根\)：不是有效的 JSON：/);
  });
});
