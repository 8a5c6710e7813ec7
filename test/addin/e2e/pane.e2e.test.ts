/**
 * End to end: the built task pane served over https by addin/dev/serve-pane.ts in front of the local stack
 * (functions/src/local/local-stack.ts: the real handlers on DynamoDB Local, seeded with the demo sub-branch),
 * opened in Debian's Chromium on the in-memory workbook (`?host=memory`), which sits behind the same WorkbookHost
 * port as Office.js. An outlet head inserts a template, fills it with errors, checks, fixes and submits; the
 * sub-branch manager pulls the ranked summary; the auditor sees the outlets that did not report.
 * Screenshots of each step go to test/artifacts/addin/ (not committed); axe-core checks every pane.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PaneServer } from '#addin-dev/serve-pane';
import type { LocalStack } from '#functions/local/local-stack';
import { signInAs, startPaneStack } from './_lib/pane-stack';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';


const root = path.resolve(__dirname, '..', '..', '..');
const artifacts = path.join(root, 'test', 'artifacts', 'addin');
/** Today in Asia/Shanghai, and another day counted from it. */
function shanghaiDay(offsetDays = 0): string {
  return isoDateInTimeZone(new Date(Date.now() + offsetDays * 86_400_000), CAMPAIGN_TIME_ZONE);
}
/**
 * The demo sub-branch 3301 (functions/src/local/seed-demo.ts): a campaign that started three days ago, ten outlets
 * that reported on its first three days, except 3301010 on the second; sale days from the eighth campaign day.
 * The outlet head reports today; 预约到场日期 is the first sale day, typed the Chinese way (a safe fix).
 */
const REPORT_DAY = shanghaiDay();
const DAY_WITH_MISSING_OUTLET = shanghaiDay(-2);
const [saleYear, saleMonth, saleDate] = shanghaiDay(4).split('-').map(Number);
const SALE_DAY = `${saleYear}年${saleMonth}月${saleDate}日`;

jest.setTimeout(120_000);

let stack: LocalStack;
let pane: PaneServer;
let browser: Browser;
let page: Page;

async function axeViolations(target: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
  // No hover or running colour transition on the button just clicked: axe judges what stays on screen.
  await target.mouse.move(0, 0);
  // Wait until no transition runs (Fluent's hover and focus colours fade), rather than a fixed time; a spinner's endless turn is not waited for.
  await target.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity), undefined, { timeout: 10_000 });
  if (!(await target.evaluate(() => 'axe' in window))) {
    await target.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  }
  return target.evaluate(async () => {
    // axe is injected above; the page's window has no type for it.
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: string[]; html: string }[]; help: string }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`) }));
  });
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

async function signIn(role: string, scope: { subBranch?: string; outlet?: string; name?: string }): Promise<void> {
  await signInAs(page, role, scope);
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  ({ stack, pane, browser } = await startPaneStack({ seed: true }));
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  await page.goto(`${pane.url}/taskpane.html?host=memory`);
});

afterAll(async () => {
  await browser?.close();
  await pane?.close();
  await stack?.close();
});

describe('the task pane in Chromium against the local stack', () => {
  it('fits a 320 px pane without horizontal scrolling', async () => {
    const narrow = await browser.newPage({ ignoreHTTPSErrors: true, viewport: { width: 320, height: 700 } });
    await narrow.goto(`${pane.url}/taskpane.html?host=memory&preview=0`);
    await narrow.getByRole('button', { name: '登录' }).waitFor();
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await narrow.screenshot({ path: path.join(artifacts, '00-sign-in-320px.png'), fullPage: true });
    expect(overflow).toBeLessThanOrEqual(0);
    await narrow.close();
  });

  it('lets an outlet head insert a template, check, fix and submit it', async () => {
    await page.getByRole('button', { name: '登录' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot('01-sign-in');
    // No name typed: the local stack's demo user is a person with a name (the token's name claim).
    await signIn('网点主任', { subBranch: '3301', outlet: '3301001' });
    expect(await page.getByText('当前用户：王建国 · 网点主任 · 范围：3301 / 3301001').count()).toBe(1);

    // Insert the template: header pre-filled, today in Asia/Shanghai from the (fixed) browser clock.
    await page.getByRole('button', { name: '插入模板' }).click();
    await page.getByText('已插入工作表 邀约明细').waitFor();
    expect(await page.locator('td[data-cell="D2"]').textContent()).toBe('3301001');
    expect(await page.locator('td[data-cell="H2"]').textContent()).toBe('王建国');
    await shot('02-template-inserted');

    // Fill it with errors, as a user would type them.
    await page.evaluate(
      ({ saleDay }) => {
        // The in-memory workbook the pane exposes with ?host=memory.
        const workbook = (window as unknown as { ptsWorkbook: { setValues(sheet: string, cell: string, values: unknown[][]): void } }).ptsWorkbook;
        workbook.setValues('邀约明细', 'B5', [
          ['张三', '+86 138-0013-8000', '存量客户', '高端客户', '150万', '保险到期', 45, '电话', '李经理', 'Y', '是', saleDay],
          ['李四', '13900139000', '流量客户', '中端客户', 30, '无', 17, '短信', '李经理', '否'],
          ['王五', '13700137000', '客户经理积累', '普通客户', '25万', '定期到期', 52, '面谈', '王主任', '×'],
        ]);
      },
      { saleDay: SALE_DAY },
    );
    await page.getByRole('button', { name: '校验当前表' }).click();
    const findings = page.getByRole('region', { name: '校验结果' });
    await findings.waitFor();
    // Checked with the sub-branch's organisation (GET /org): nothing skipped, so no sheet-level notice.
    expect(await findings.getByRole('heading').allTextContents()).toEqual(['第 5 行', '第 6 行', '第 7 行']);
    expect(await page.getByText(/未提供机构信息/).count()).toBe(0);
    expect(await page.locator('td[data-mark="error"]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell')))).toEqual(['E6', 'H6']);
    await findings.getByRole('button', { name: /邀约明细!E6.*中端客户/ }).click();
    expect(await page.locator('td[data-cell="E6"]').getAttribute('class')).toBeTruthy();
    expect(await axeViolations(page)).toEqual([]);
    await shot('03-findings');

    // Apply the safe fixes in one step; two errors need a person.
    await page.getByRole('button', { name: '一键修正' }).click();
    await page.getByText(/已修正 \d+ 处/).waitFor();
    expect(await page.locator('td[data-cell="F5"]').textContent()).toBe('150');
    expect(await page.locator('td[data-mark="warning"]').count()).toBe(0);
    await shot('04-fixed');

    // The user corrects the two cells by typing into them (click the cell, type in the cell bar, Enter); submit.
    await page.locator('td[data-cell="E6"]').click();
    await page.getByLabel('单元格 E6：输入后按 Enter').fill('普通客户');
    await page.getByLabel('单元格 E6：输入后按 Enter').press('Enter');
    await page.locator('td[data-cell="H6"]').click();
    await page.getByLabel('单元格 H6：输入后按 Enter').fill('30');
    await page.getByLabel('单元格 H6：输入后按 Enter').press('Enter');
    expect([await page.locator('td[data-cell="E6"]').textContent(), await page.locator('td[data-cell="H6"]').textContent()]).toEqual(['普通客户', '30']);
    await page.getByRole('button', { name: '提交', exact: true }).click();
    const result = page.getByText(new RegExp(`^提交成功：3301001 ${REPORT_DAY}`));
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toMatch(/当前排名：第 1 名（共 10 个网点）/);
    expect(await page.locator('td[data-mark]').count()).toBe(0);
    await shot('05-submitted');
  });

  it.each([320, 450])('fits the outlet head pane with findings at %i px, in Chinese and in English', async (width) => {
    const narrow = await browser.newPage({ ignoreHTTPSErrors: true, viewport: { width, height: 900 }, locale: 'zh-CN' });
    await narrow.goto(`${pane.url}/taskpane.html?host=memory&preview=0`);
    await narrow.getByRole('radio', { name: '网点主任' }).check();
    await narrow.getByLabel('网点代码').fill('3301002');
    await narrow.getByRole('button', { name: '登录' }).click();
    await narrow.getByText('当前用户：李秀英 · 网点主任 · 范围：3301 / 3301002').waitFor();
    await narrow.getByRole('button', { name: '插入模板' }).click();
    await narrow.getByText('已插入工作表 邀约明细').waitFor();
    await narrow.evaluate(() => {
      const workbook = (window as unknown as { ptsWorkbook: { setValues(sheet: string, cell: string, values: unknown[][]): void } }).ptsWorkbook;
      workbook.setValues('邀约明细', 'B5', [['张三', '13800138000', '存量客户', '高端客户', 150, '无', 45, '电话', '李经理', '是', '是', '2026-01-01']]);
    });
    await narrow.getByRole('button', { name: '校验当前表' }).click();
    await narrow.getByRole('region', { name: '校验结果' }).waitFor();
    const overflow = () => narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await narrow.screenshot({ path: path.join(artifacts, `08-outlet-findings-${width}px.png`), fullPage: true });
    await narrow.getByLabel('模板').selectOption('activity-tracking');
    expect(await narrow.getByLabel('填报月份').locator('option:checked').textContent()).toMatch(/^\d{4}年\d{1,2}月$/);
    await narrow.getByLabel('语言').selectOption('en');
    await narrow.getByRole('button', { name: 'Insert template' }).click();
    await narrow.getByText('Inserted sheet 活动追踪').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await narrow.screenshot({ path: path.join(artifacts, `09-outlet-english-${width}px.png`), fullPage: true });
    await narrow.close();
  });

  it('lets the sub-branch manager pull the ranked summary into a sheet', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await signIn('个金经理（支行）', { subBranch: '3301' });
    await page.getByLabel('报表日期').fill(REPORT_DAY);
    await page.getByRole('button', { name: '拉取汇总' }).click();
    const done = page.getByText(`已写入工作表 汇总 ${REPORT_DAY}：1 个网点已排名，9 个未报送，1 个目标达成预警`);
    await done.waitFor({ timeout: 30_000 });
    expect(await page.locator(`table[data-sheet="汇总 ${REPORT_DAY}"]`).count()).toBe(1);
    expect(await page.locator('td[data-cell="A4"]').textContent()).toBe('排名');
    expect([await page.locator('td[data-cell="A5"]').textContent(), await page.locator('td[data-cell="B5"]').textContent()]).toEqual(['1', '3301001']);
    expect(await page.locator('td[data-cell="A6"]').textContent()).toBe('未报送');
    expect(await page.getByRole('figure', { name: '有效邀约达成率' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await shot('06-summary');
  });

  it('lets the auditor see the outlets that did not report', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await signIn('审计（总行）', {});
    await page.getByLabel('审计日期').fill(DAY_WITH_MISSING_OUTLET);
    await page.getByRole('button', { name: '查看全部支行' }).click();
    await page.getByRole('list', { name: '各支行 · 网点客户邀约每日明细表' }).waitFor();
    await page.getByLabel('支行代码').fill('3301');
    await page.getByRole('button', { name: '查看支行审计' }).click();
    const missing = page.getByRole('region', { name: '未报送网点 · 网点客户邀约每日明细表' });
    await missing.waitFor();
    const items = await missing.getByRole('listitem').allTextContents();
    expect(items.map((i) => i.trim().split(' ').at(-1))).toEqual(['3301010']);
    expect(await axeViolations(page)).toEqual([]);
    await shot('07-audit');
  });
});
