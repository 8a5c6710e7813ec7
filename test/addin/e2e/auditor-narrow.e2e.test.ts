/**
 * End to end at 320 px: the auditor's pane (built pane over https, local stack on DynamoDB Local, Chromium,
 * `?host=memory`) with the overview cards, a sub-branch audit per template and a template preview, none of
 * which may scroll sideways. Screenshots go to test/artifacts/addin/ (not committed) for a person to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PaneServer } from '#addin-dev/serve-pane';
import type { LocalStack } from '#functions/local/local-stack';
import { startPaneStack } from './_lib/pane-stack';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';


const root = path.resolve(__dirname, '..', '..', '..');
const artifacts = path.join(root, 'test', 'artifacts', 'addin');
/** Two days ago in Asia/Shanghai: a campaign day of the seeded demo sub-branch (its campaign started three days ago). */
const AUDIT_DAY = isoDateInTimeZone(new Date(Date.now() - 2 * 86_400_000), CAMPAIGN_TIME_ZONE);

jest.setTimeout(120_000);

let stack: LocalStack;
let pane: PaneServer;
let browser: Browser;
let page: Page;

/** Pixels the page is wider than the viewport (0 when nothing scrolls sideways). */
function horizontalOverflow(target: Page): Promise<number> {
  return target.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Texts of the pane broken into lines of two characters or fewer: the "支/行, 33/01" wrap of a too-narrow column. */
function charPerLineTexts(target: Page): Promise<string[]> {
  return target.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      if (text.length < 2) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      // One client rect per line the text node is broken into.
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      if (lines >= 2 && text.length / lines <= 2) found.push(text);
    }
    return found;
  });
}

async function axeViolations(target: Page): Promise<string[]> {
  await target.mouse.move(0, 0);
  if (!(await target.evaluate(() => 'axe' in window))) {
    await target.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  }
  return target.evaluate(async () => {
    // axe is injected above; the page's window has no type for it.
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`);
  });
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  ({ stack, pane, browser } = await startPaneStack({ seed: true }));
  page = await browser.newPage({ ignoreHTTPSErrors: true, viewport: { width: 320, height: 700 }, locale: 'zh-CN' });
  await page.goto(`${pane.url}/taskpane.html?host=memory&preview=0`);
  await page.getByRole('radio', { name: '审计（总行）' }).check();
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await pane?.close();
  await stack?.close();
});

describe('the auditor pane at 320 px', () => {
  it('shows the overview as readable cards, one per sub-branch', async () => {
    await page.getByLabel('审计日期').fill(AUDIT_DAY);
    await page.getByRole('button', { name: '查看全部支行' }).click();
    const cards = page.getByRole('list', { name: '各支行 · 网点客户邀约每日明细表' });
    await cards.waitFor();
    await page.screenshot({ path: path.join(artifacts, 'audit-overview-320px.png'), fullPage: true });
    expect(await cards.getByRole('listitem').first().textContent()).toMatch(/^城东支行3301已报 9\/10按时\d+迟报\d+不合规\d+被拒\d+$/);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await charPerLineTexts(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a sub-branch audit per template without sideways scrolling', async () => {
    await page.getByLabel('支行代码').fill('3301');
    await page.getByRole('button', { name: '查看支行审计' }).click();
    await page.getByRole('region', { name: '未报送网点 · 网点客户邀约每日明细表' }).waitFor();
    await page.screenshot({ path: path.join(artifacts, 'audit-sub-branch-320px.png'), fullPage: true });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await charPerLineTexts(page)).toEqual([]);
  });

  it('previews a chosen template file inside its own scroll area', async () => {
    const spec = JSON.parse(readFileSync(path.join(root, 'shared', 'templates', 'activity-tracking.v1.json'), 'utf8'));
    await page.getByLabel('选择模板文件（.json）').setInputFiles({ name: 'activity-tracking.v2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...spec, version: 2 })) });
    const preview = page.getByRole('table', { name: '预览：插入的空白工作表“活动追踪”' });
    await preview.waitFor();
    await preview.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'template-preview-320px.png'), fullPage: true });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
