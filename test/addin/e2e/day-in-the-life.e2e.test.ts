/**
 * A day in the life, end to end (issue 10): the built task pane over https in front of the local stack (the real
 * handlers on DynamoDB Local, `seed: false`), in Debian's Chromium on the in-memory workbook (`?host=memory`).
 *
 * The auditor files the organisation of a sub-branch of its own (3309 城西支行, ten outlets, a campaign that started
 * yesterday in Asia/Shanghai, deadline 23:59); yesterday's sheets of nine outlets are stored as sent yesterday. Ten outlet heads, each in a browser context of their own with their
 * own sign-in: eight fill today's 邀约明细 and submit on time, three of them after fixing a mistake in the pane (a 客户类别
 * that is not allowed, typed over; 流动资产 written `30万`, a safe fix; a 预约到场日期 that is no sale day, typed over).
 * Then the auditor moves the deadline to 00:00, already past today, so the ninth submits late; the tenth never does.
 * The manager pulls the day and the campaign to date; the auditor audits the day for the template.
 * Lateness is decided by the server's wall clock against the organisation's deadline at the moment of submitting
 * (stored with the submission), so the test is deterministic except in the last minute before midnight in Shanghai.
 * A screenshot of each step goes to test/artifacts/day-in-the-life/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PaneServer } from '#addin-dev/serve-pane';
import type { LocalStack } from '#functions/local/local-stack';
import { signInAs, startPaneStack } from './_lib/pane-stack';
import { createDynamoClient } from '#functions/adapters/dynamo';
import { buildTemplateWorkbook } from '#functions/local/demo-data';
import { submitWorkbook } from '#functions/services/submit-workbook';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';


const root = path.resolve(__dirname, '..', '..', '..');
const artifacts = path.join(root, 'test', 'artifacts', 'day-in-the-life');
/** Generous waits: the machine is shared and busy. */
const WAIT = { timeout: 60_000 };

/** A day in Asia/Shanghai, counted from today. */
function shanghaiDay(offsetDays = 0): string {
  return isoDateInTimeZone(new Date(Date.now() + offsetDays * 86_400_000), CAMPAIGN_TIME_ZONE);
}
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
/** The Excel serial of an ISO day (what Excel stores for a date cell). */
function excelSerial(day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse('1899-12-30T00:00:00Z')) / 86_400_000);
}

const TODAY = shanghaiDay();
const CAMPAIGN_FROM = addDays(TODAY, -1);
const SALE_DAYS = [addDays(CAMPAIGN_FROM, 7), addDays(CAMPAIGN_FROM, 8), addDays(CAMPAIGN_FROM, 9)];
const SUB_BRANCH = '3309';
const SUB_BRANCH_NAME = '城西支行';
/** 有效邀约 per outlet per day: small, so that 2–3 rows reach it. */
const DAILY_TARGET = 3;
const OUTLET_NAMES = ['营业部', '新华路网点', '解放路网点', '人民路网点', '建设路网点', '中山路网点', '文化路网点', '和平路网点', '胜利路网点', '光明路网点'];
const HEAD_NAMES = ['赵志强', '钱秀兰', '孙建华', '李桂英', '周海涛', '吴丽娟', '郑国平', '王淑珍', '冯德明', '陈玉梅'];
const outlets = OUTLET_NAMES.map((name, i) => ({ code: `${SUB_BRANCH}${String(i + 1).padStart(3, '0')}`, name: `${SUB_BRANCH_NAME}${name}`, head: HEAD_NAMES[i] }));

function organisation(deadline: string) {
  return {
    code: SUB_BRANCH,
    name: SUB_BRANCH_NAME,
    outlets: outlets.map(({ code, name }) => ({ code, name })),
    campaign: { from: CAMPAIGN_FROM, to: addDays(CAMPAIGN_FROM, 6), saleDays: SALE_DAYS },
    targets: { 'invite-daily': { 有效邀约: DAILY_TARGET } },
    deadline,
    warnBelow: 0.8,
  };
}

/** 有效邀约 (rows with K = 是) of outlets 1..9 today; outlet 10 never reports. */
const EFFECTIVE = [3, 2, 3, 1, 2, 0, 3, 1, 2];
/** 有效邀约 of outlets 1..9 yesterday, the campaign's first day (sent on time then, written straight to the service). */
const YESTERDAY_EFFECTIVE = [0, 3, 1, 3, 2, 1, 3, 0, 1];
const LATE_OUTLET = 8; // index: 3309009
const MISSING_OUTLET = 9; // index: 3309010

/** Rank by 有效邀约达成率, descending, equal rates sharing a rank (rank.eq), among the given outlets' counts. */
function rankOf(effective: number, among: number[]): number {
  return among.filter((e) => e > effective).length + 1;
}

/** Rows B..M of an outlet's sheet: `effective` rows invited effectively (K = 是, with a sale day), 2 or 3 rows in all. */
function rowsFor(index: number, effectiveCounts: readonly number[] = EFFECTIVE): (string | number)[][] {
  const count = Math.max(2, effectiveCounts[index] ?? 0);
  return Array.from({ length: count }, (_, r) => {
    const effective = r < (effectiveCounts[index] ?? 0);
    const phone = `139${String(index + 1).padStart(4, '0')}${String(r + 1).padStart(4, '0')}`;
    const row: (string | number)[] = [`客户${index + 1}-${r + 1}`, phone, '存量客户', '普通客户', 25 + r, '定期到期', 40 + r, '电话', `理财经理${index + 1}`, effective ? '是' : '否', '否'];
    if (effective) row.push(excelSerial(SALE_DAYS[r % SALE_DAYS.length]));
    return row;
  });
}

jest.setTimeout(300_000);

let stack: LocalStack;
let pane: PaneServer;
let browser: Browser;
let auditorToken: string;

async function api(method: string, route: string, token: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${stack.apiUrl}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, body: await response.json() };
}

async function putOrganisation(deadline: string): Promise<void> {
  const answer = await api('PUT', `/org/${SUB_BRANCH}`, auditorToken, organisation(deadline));
  expect([answer.status, answer.body]).toEqual([200, expect.anything()]);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

/** A fresh browser context (its own storage and outbox) with the pane, signed in through the pane's local sign-in. */
async function openPane(role: string, scope: { subBranch?: string; outlet?: string; name?: string }): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT.timeout);
  await page.goto(`${pane.url}/taskpane.html?host=memory`);
  await signInAs(page, role, scope);
  return page;
}

async function closePane(page: Page): Promise<void> {
  await page.context().close();
}

function cell(page: Page, address: string) {
  return page.locator(`td[data-cell="${address}"]`);
}

/** Types into a cell of the memory workbook as a person does: click the cell, type in the cell bar, press Enter. */
async function typeInCell(page: Page, address: string, text: string): Promise<void> {
  await cell(page, address).click();
  const bar = page.getByLabel(`单元格 ${address}：输入后按 Enter`);
  await bar.fill(text);
  await bar.press('Enter');
}

/** Pastes rows into 邀约明细 from B5 (the memory workbook's own API, as a paste into Excel would). */
async function pasteRows(page: Page, rows: (string | number)[][]): Promise<void> {
  await page.evaluate((values) => {
    // The in-memory workbook the pane exposes with ?host=memory.
    const workbook = (window as unknown as { ptsWorkbook: { setValues(sheet: string, cell: string, values: unknown[][]): void } }).ptsWorkbook;
    workbook.setValues('邀约明细', 'B5', values);
  }, rows);
}

/** Signs an outlet head in, inserts today's template and checks what the pane filled in. */
async function startOutletDay(index: number): Promise<Page> {
  const outlet = outlets[index];
  const page = await openPane('网点主任', { subBranch: SUB_BRANCH, outlet: outlet.code, name: outlet.head });
  await page.getByText(`当前用户：${outlet.head} · 网点主任 · 范围：${SUB_BRANCH} / ${outlet.code}`).waitFor();
  await page.getByRole('button', { name: '插入模板' }).click();
  await page.getByText('已插入工作表 邀约明细').waitFor();
  expect(await cell(page, 'H2').textContent()).toBe(outlet.head);
  expect(await cell(page, 'F2').textContent()).toBe(TODAY);
  return page;
}

/**
 * Checks the sheet in the pane and returns the findings shown, as the texts of their buttons ("错误 邀约明细!E6 ...");
 * [] when the pane says 没有发现问题. The check is done when the pane's buttons are enabled again.
 */
async function checkSheet(page: Page): Promise<string[]> {
  const check = page.getByRole('button', { name: '校验当前表' });
  await check.click();
  await page.locator('button:has-text("校验当前表"):enabled').waitFor();
  const findings = page.getByRole('region', { name: '校验结果' });
  await findings.or(page.getByText('没有发现问题')).waitFor();
  if ((await findings.count()) === 0) return [];
  return findings.getByRole('button').allTextContents();
}

/** Submits and waits for the pane's answer; returns the notice's text. */
async function submit(page: Page, index: number): Promise<string> {
  await page.getByRole('button', { name: '提交', exact: true }).click();
  const done = page.getByText(new RegExp(`^提交成功：${outlets[index].code} ${TODAY}`));
  await done.waitFor();
  return (await done.textContent()) ?? '';
}

/** The column letter of a summary sheet's header (row 3) labelled `label`. */
async function headerColumn(page: Page, label: string): Promise<string> {
  const headers = await page.locator('td[data-cell$="4"]').evaluateAll((cells) => cells.map((c) => [c.getAttribute('data-cell') ?? '', c.textContent ?? '']));
  const column = (headers.find(([address, text]) => /^[A-Z]+4$/.test(address) && text === label)?.[0] ?? '').replace(/4$/, '');
  expect(`${label}: ${column}`).toMatch(/: [A-Z]+$/);
  return column;
}

/** [outlet code, note] of the summary lines (rows 5–14) whose 备注 (where 迟报 is noted) is not empty. */
async function lateMarks(page: Page): Promise<string[][]> {
  const column = await headerColumn(page, '备注');
  const lines = await Promise.all(Array.from({ length: 10 }, async (_, r) => [await cell(page, `B${5 + r}`).textContent(), await cell(page, `${column}${5 + r}`).textContent()]));
  return lines.filter(([, mark]) => mark !== '' && mark !== null).map(([code, mark]) => [code ?? '', mark ?? '']);
}

function markedCells(page: Page, mark: 'error' | 'warning'): Promise<string[]> {
  return page.locator(`td[data-mark="${mark}"]`).evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell') ?? ''));
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  ({ stack, pane, browser } = await startPaneStack({ seed: false }));
  auditorToken = ((await api('POST', '/local/token', '', { role: 'auditor', name: '审计员' })).body as { token: string }).token;
  await putOrganisation('23:59');
  await reportYesterday();
});

/**
 * Yesterday's sheets of outlets 1..9, as the pane would have sent them at 09:0x yesterday (Asia/Shanghai): the
 * service itself with yesterday as its clock, as the local stack's demo seed does, since HTTP cannot send in the past.
 */
async function reportYesterday(): Promise<void> {
  const spec = builtinTemplates.find((s) => s.id === 'invite-daily');
  if (!spec) throw new Error('invite-daily is not a built-in template');
  // startLocalStack set these for the handlers it serves.
  const table = { doc: createDynamoClient(process.env.DYNAMODB_ENDPOINT), tableName: process.env.TABLE_NAME ?? 'pts-local' };
  for (let index = 0; index < 9; index++) {
    const outlet = outlets[index];
    const rows = rowsFor(index, YESTERDAY_EFFECTIVE).map((row) =>
      Object.fromEntries(row.map((value, c) => [String.fromCharCode(66 + c), c === 11 && typeof value === 'number' ? SALE_DAYS[0] : value])),
    );
    const workbook = buildTemplateWorkbook(spec, { subBranch: SUB_BRANCH, outlet: outlet.code, reportDate: CAMPAIGN_FROM, submitter: outlet.head }, rows);
    const at = new Date(Date.parse(`${CAMPAIGN_FROM}T09:00:00+08:00`) + index * 60_000);
    const answer = await submitWorkbook(
      { table, now: () => at },
      {
        caller: { sub: `day-${outlet.code}`, role: 'outlet_head', subBranch: SUB_BRANCH, outlet: outlet.code, name: outlet.head },
        body: JSON.stringify(workbook),
        isBase64Encoded: false,
        contentType: 'application/json',
      },
    );
    expect(answer.statusCode).toBe(201);
  }
}

afterAll(async () => {
  await browser?.close();
  await pane?.close();
  await stack?.close();
});

describe('a day in the life of sub-branch 3309', () => {
  /** 有效邀约 of the outlets that have submitted so far today. */
  const submitted: number[] = [];

  it('outlet 1 fills the template and submits on time, ranked first', async () => {
    const page = await startOutletDay(0);
    await pasteRows(page, rowsFor(0));
    expect(await checkSheet(page)).toEqual([]);
    expect(await cell(page, 'B7').textContent()).toBe('客户1-3');
    await shot(page, '01-outlet-1-filled');
    const notice = await submit(page, 0);
    submitted.push(EFFECTIVE[0]);
    expect(notice).toMatch(/当前排名：第 1 名（共 10 个网点）/);
    await shot(page, '02-outlet-1-submitted');
    await closePane(page);
  });

  it('outlet 2 types a 客户类别 that is not allowed, sees it marked, types over it and submits', async () => {
    const page = await startOutletDay(1);
    const rows = rowsFor(1);
    rows[1][3] = '中端客户';
    await pasteRows(page, rows);
    const findings = await checkSheet(page);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/邀约明细!E6.*中端客户/);
    expect(await markedCells(page, 'error')).toEqual(['E6']);
    await shot(page, '03-outlet-2-enum-error');
    // The submit button refuses a sheet with errors.
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByText('表格仍有 1 个错误，请先修正后再提交').waitFor();
    await typeInCell(page, 'E6', '普通客户');
    expect(await cell(page, 'E6').textContent()).toBe('普通客户');
    expect(await checkSheet(page)).toEqual([]);
    expect(await markedCells(page, 'error')).toEqual([]);
    const notice = await submit(page, 1);
    expect(notice).toMatch(new RegExp(`当前排名：第 ${rankOf(EFFECTIVE[1], [...submitted, EFFECTIVE[1]])} 名（共 10 个网点）`));
    submitted.push(EFFECTIVE[1]);
    await shot(page, '04-outlet-2-fixed-submitted');
    await closePane(page);
  });

  it('outlet 3 writes 流动资产 as 30万, takes the safe fix and submits', async () => {
    const page = await startOutletDay(2);
    const rows = rowsFor(2);
    rows[0][4] = '30万';
    await pasteRows(page, rows);
    const findings = await checkSheet(page);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/邀约明细!F5.*30万/);
    expect(await markedCells(page, 'warning')).toEqual(['F5']);
    await shot(page, '05-outlet-3-amount-warning');
    await page.getByRole('button', { name: '一键修正' }).click();
    await page.getByText('已修正 1 处').waitFor();
    expect(await cell(page, 'F5').textContent()).toBe('30');
    expect(await markedCells(page, 'warning')).toEqual([]);
    await shot(page, '06-outlet-3-fixed');
    const notice = await submit(page, 2);
    expect(notice).toMatch(new RegExp(`当前排名：第 ${rankOf(EFFECTIVE[2], [...submitted, EFFECTIVE[2]])} 名（共 10 个网点）`));
    submitted.push(EFFECTIVE[2]);
    await closePane(page);
  });

  it('outlet 4 types a 预约到场日期 that is no sale day, sees the sale days, types the right one and submits', async () => {
    const page = await startOutletDay(3);
    await pasteRows(page, rowsFor(3));
    await typeInCell(page, 'M5', TODAY);
    const findings = await checkSheet(page);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(new RegExp(`邀约明细!M5.*${TODAY}`));
    expect(findings[0]).toMatch(new RegExp(`不是活动的特卖日（.*${SALE_DAYS[0]}.*）`));
    expect(await markedCells(page, 'error')).toEqual(['M5']);
    await shot(page, '07-outlet-4-sale-day-error');
    await typeInCell(page, 'M5', SALE_DAYS[1]);
    expect(await cell(page, 'M5').textContent()).toBe(SALE_DAYS[1]);
    expect(await checkSheet(page)).toEqual([]);
    const notice = await submit(page, 3);
    expect(notice).toMatch(new RegExp(`当前排名：第 ${rankOf(EFFECTIVE[3], [...submitted, EFFECTIVE[3]])} 名（共 10 个网点）`));
    submitted.push(EFFECTIVE[3]);
    await shot(page, '08-outlet-4-fixed-submitted');
    await closePane(page);
  });

  it('outlets 5 to 8 fill and submit on time', async () => {
    for (let index = 4; index < 8; index++) {
      const page = await startOutletDay(index);
      await pasteRows(page, rowsFor(index));
      const notice = await submit(page, index);
      expect(notice).toMatch(new RegExp(`当前排名：第 ${rankOf(EFFECTIVE[index], [...submitted, EFFECTIVE[index]])} 名（共 10 个网点）`));
      submitted.push(EFFECTIVE[index]);
      await shot(page, `09-outlet-${index + 1}-submitted`);
      await closePane(page);
    }
  });

  it('outlet 9 submits after the deadline and the pane says so', async () => {
    await putOrganisation('00:00');
    const page = await startOutletDay(LATE_OUTLET);
    await pasteRows(page, rowsFor(LATE_OUTLET));
    const notice = await submit(page, LATE_OUTLET);
    expect(notice).toMatch(new RegExp(`当前排名：第 ${rankOf(EFFECTIVE[LATE_OUTLET], [...submitted, EFFECTIVE[LATE_OUTLET]])} 名（共 10 个网点）`));
    submitted.push(EFFECTIVE[LATE_OUTLET]);
    const findings = page.getByRole('region', { name: '校验结果' });
    await findings.getByText(new RegExp(`晚于截止时间 ${TODAY} 00:00`)).waitFor();
    await shot(page, '10-outlet-9-late');
    await closePane(page);
    // Outlet 10 never reports.
  });

  it('the manager pulls the day and the campaign to date: nine ranked, 3309009 迟报, 3309010 未报送', async () => {
    const page = await openPane('个金经理（支行）', { subBranch: SUB_BRANCH, name: '林经理' });
    await page.getByLabel('报表日期').fill(TODAY);
    await page.getByRole('button', { name: '拉取汇总' }).click();
    const warned = EFFECTIVE.filter((e) => e / DAILY_TARGET < 0.8).length;
    await page.getByText(`已写入工作表 汇总 ${TODAY}：9 个网点已排名，1 个未报送，${warned} 个目标达成预警`).waitFor();
    expect(await page.locator(`table[data-sheet="汇总 ${TODAY}"]`).count()).toBe(1);
    expect(await cell(page, 'A4').textContent()).toBe('排名');
    const lines = await Promise.all(
      Array.from({ length: 10 }, async (_, r) => [await cell(page, `A${5 + r}`).textContent(), await cell(page, `B${5 + r}`).textContent()]),
    );
    const expected = outlets
      .slice(0, 9)
      .map((o, i) => ({ code: o.code, rank: rankOf(EFFECTIVE[i], EFFECTIVE) }))
      .sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
    expect(lines.slice(0, 9).map(([rank]) => rank)).toEqual(expected.map((e) => String(e.rank)));
    expect(lines.slice(0, 9).map(([, code]) => code).sort()).toEqual(outlets.slice(0, 9).map((o) => o.code));
    expect(lines[9]).toEqual(['未报送', outlets[MISSING_OUTLET].code]);
    expect(await cell(page, 'A15').textContent()).toBe('合计');
    // 有效邀约达成率: the top outlets reached the daily target, the one with no effective invitation none of it.
    const rateColumn = await headerColumn(page, '有效邀约达成率');
    expect(await cell(page, `${rateColumn}5`).textContent()).toBe('100.0%');
    expect(await cell(page, `${rateColumn}13`).textContent()).toBe('0.0%');
    // 迟报: the one outlet that sent its sheet after the deadline, and no other.
    expect(await lateMarks(page)).toEqual([[outlets[LATE_OUTLET].code, '迟报']]);
    expect(await page.getByRole('figure', { name: '有效邀约达成率' }).count()).toBe(1);
    await shot(page, '11-manager-day');

    // The campaign to date: yesterday and today, so each outlet's target is twice the daily one.
    await page.getByRole('radio', { name: '时间段（活动期）' }).check();
    await page.getByLabel('开始日期').fill(CAMPAIGN_FROM);
    await page.getByLabel('结束日期').fill(TODAY);
    await page.getByRole('button', { name: '拉取汇总' }).click();
    const rangeSheet = `汇总 ${CAMPAIGN_FROM}~${TODAY.slice(5)}`;
    const warnedToDate = EFFECTIVE.filter((e, i) => (e + (YESTERDAY_EFFECTIVE[i] ?? 0)) / (2 * DAILY_TARGET) < 0.8).length;
    await page.getByText(`已写入工作表 ${rangeSheet}：9 个网点已排名，1 个未报送，${warnedToDate} 个目标达成预警`).waitFor();
    expect(await page.locator(`table[data-sheet="${rangeSheet}"]`).count()).toBe(1);
    // Both days summed, each rate against twice the daily target, ranked again; 3309010 sent neither day.
    const toDate = EFFECTIVE.map((today, i) => today + (YESTERDAY_EFFECTIVE[i] ?? 0));
    const rangeLines = await Promise.all(
      Array.from({ length: 10 }, async (_, r) => [await cell(page, `A${5 + r}`).textContent(), await cell(page, `B${5 + r}`).textContent(), await cell(page, `${rateColumn}${5 + r}`).textContent()]),
    );
    const expectedToDate = outlets
      .slice(0, 9)
      .map((o, i) => [String(rankOf(toDate[i], toDate)), o.code, `${((toDate[i] / (2 * DAILY_TARGET)) * 100).toFixed(1)}%`])
      .sort((a, b) => Number(a[0]) - Number(b[0]) || a[1].localeCompare(b[1]));
    expect(rangeLines.slice(0, 9)).toEqual(expectedToDate);
    expect(rangeLines[9].slice(0, 2)).toEqual(['未报送', outlets[MISSING_OUTLET].code]);
    expect(await cell(page, 'E15').textContent()).toBe(String(toDate.reduce((a, b) => a + b, 0)));
    expect(await lateMarks(page)).toEqual([[outlets[LATE_OUTLET].code, '迟报']]);
    await shot(page, '12-manager-campaign-to-date');
    // What the pane drew from: GET /consolidated counts the late reports of the outlet, and says nothing of the others.
    const managerToken = ((await api('POST', '/local/token', '', { role: 'subbranch_manager', subBranch: SUB_BRANCH })).body as { token: string }).token;
    const consolidated = await api('GET', `/consolidated?template=invite-daily&subBranch=${SUB_BRANCH}&from=${CAMPAIGN_FROM}&to=${TODAY}`, managerToken);
    expect(consolidated.status).toBe(200);
    const late = (consolidated.body as { outlets: { outlet: string; late?: number }[] }).outlets.filter((o) => o.late !== undefined);
    expect(late.map((o) => [o.outlet, o.late])).toEqual([[outlets[LATE_OUTLET].code, 1]]);
    await closePane(page);
  });

  it('the auditor audits the day for the template: 9 of 10 reported, one late, 3309010 未报送', async () => {
    const page = await openPane('审计（总行）', {});
    await page.getByLabel('审计日期').fill(TODAY);
    await page.getByLabel('审计模板').selectOption('invite-daily');
    await page.getByRole('button', { name: '查看全部支行' }).click();
    const cards = page.getByRole('list', { name: '各支行 · 网点客户邀约每日明细表' });
    await cards.waitFor();
    expect(await cards.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^城西支行3309已报 9\/10按时8迟报1不合规0被拒0$/)]);
    await shot(page, '13-auditor-overview');

    await page.getByLabel('支行代码').fill(SUB_BRANCH);
    await page.getByRole('button', { name: '查看支行审计' }).click();
    const missing = page.getByRole('region', { name: '未报送网点 · 网点客户邀约每日明细表' });
    await missing.waitFor();
    expect(await missing.getByRole('listitem').allTextContents()).toEqual([`${outlets[MISSING_OUTLET].name} ${outlets[MISSING_OUTLET].code}`]);
    const perOutlet = page.getByRole('list', { name: '各网点报送情况 · 网点客户邀约每日明细表' });
    const items = await perOutlet.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(10);
    const line = (code: string) => items.find((i) => i.includes(code)) ?? '';
    for (const outlet of outlets.slice(0, 8)) expect(line(outlet.code)).toMatch(/按时/);
    expect(line(outlets[LATE_OUTLET].code)).toMatch(/迟报/);
    expect(line(outlets[LATE_OUTLET].code)).not.toMatch(/按时/);
    expect(line(outlets[MISSING_OUTLET].code)).toMatch(/未报送/);
    await shot(page, '14-auditor-sub-branch');
    await closePane(page);
  });
});
