/**
 * The web page end to end (issue 13): web.html built as `npm run build` builds it, over https in front of the local
 * stack (real handlers on DynamoDB Local), in Debian's Chromium. An outlet head who works in LibreOffice downloads a
 * blank template from the page (header filled for them), fills it in LibreOffice as a person types (UNO, headless)
 * with mistakes, opens it in the page, sees the findings `pts validate` gives, applies the safe fixes, corrects the
 * one error by typing in the page's grid, downloads the fixed file (`pts validate`: no error, no fixable warning
 * left) and submits it. The manager sees it ranked on screen and in the downloaded summary workbook; the auditor
 * sees it reported. Every page is checked with axe-core; screenshots at desktop width and at 320 px go to
 * test/artifacts/web/ (git-ignored).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import type { PaneServer } from '#addin-dev/serve-pane';
import type { LocalStack } from '#functions/local/local-stack';
import { translate } from '#addin/i18n/messages';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { signInAs, startPaneStack } from './_lib/pane-stack';
import { typeInLibreOffice } from './_lib/type-in-libreoffice';

const root = path.resolve(__dirname, '..', '..', '..');
const artifacts = path.join(root, 'test', 'artifacts', 'web');
const PTS = path.join(root, 'bin', 'pts.cjs');
const WAIT = { timeout: 90_000 };

function shanghaiDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offsetDays * 86_400_000));
}
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const TODAY = shanghaiDay();
const CAMPAIGN_FROM = addDays(TODAY, -1);
const SALE_DAY = addDays(CAMPAIGN_FROM, 7);
const SUB_BRANCH = '3307';
const OUTLET = '3307001';
const HEAD = '韩秀英';
const ORGANISATION = {
  code: SUB_BRANCH,
  name: '城南支行',
  outlets: [
    { code: OUTLET, name: '城南支行营业部' },
    { code: '3307002', name: '城南支行和平路网点' },
  ],
  campaign: { from: CAMPAIGN_FROM, to: addDays(CAMPAIGN_FROM, 6), saleDays: [SALE_DAY, addDays(SALE_DAY, 1), addDays(SALE_DAY, 2)] },
  targets: { 'invite-daily': { 有效邀约: 3 } },
  deadline: '23:59',
  warnBelow: 0.8,
};

/**
 * What the outlet head types in LibreOffice, B5..O7. The drop-down columns refuse what is not in their list (as
 * LibreOffice does for a person), so the mistakes are elsewhere: a phone number with spaces (C6), a sale day written
 * 2026年12月8日 in a date column (M6), 30万 in a money column (O6): safe fixes; 邀约人 left empty (J6): an error the
 * head corrects by typing in the page's grid.
 */
const [saleYear, saleMonth, saleDate] = SALE_DAY.split('-').map(Number);
const TYPED: Record<string, string> = {
  B5: '客户甲', C5: '13900010001', D5: '存量客户', E5: '普通客户', F5: '50', G5: '定期到期', H5: '45', I5: '电话', J5: '理财经理王', K5: '是', L5: '否', M5: SALE_DAY,
  B6: '客户乙', C6: '139 0001 0002', D6: '流量客户', E6: '高端客户', F6: '120', G6: '无', H6: '52', I6: '短信', K6: '是', L6: '否', M6: `${saleYear}年${saleMonth}月${saleDate}日`, O6: '30万',
  B7: '客户丙', C7: '13900010003', D7: '客户经理积累', E7: '高端客户', F7: '200', G7: '保险到期', H7: '38', I7: '面谈', J7: '理财经理李', K7: '否', L7: '是',
};

interface CliFinding {
  code: string;
  severity: 'error' | 'warning' | 'notice';
  address: string;
  row?: number;
  column?: string;
  message_zh: string;
  fix: string | number | null;
}

jest.setTimeout(600_000);

let stack: LocalStack;
let pane: PaneServer;
let browser: Browser;
let work: string;
let orgFile: string;

function pts(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [PTS, ...args], { timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function validateFile(file: string): Promise<CliFinding[]> {
  const run = await pts(['validate', file, '--org', orgFile, '--as-of', TODAY, '--json']);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { findings: CliFinding[] }).findings;
}

/** The text of a finding's line in the page's list, as FindingsList writes it (badge, then the message at its cell). */
function findingLine(f: CliFinding): string {
  const cell = `${f.column ?? ''}${f.row ?? ''}`;
  const message = f.message_zh.includes(cell) ? f.message_zh : `${cell} ${f.message_zh}`;
  return `${translate('zh', `severity_${f.severity}`)}${message}`;
}

async function axeViolations(target: Page): Promise<string[]> {
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

/** A screenshot at the page's desktop width and one at 320 px (then back to desktop). */
async function shots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, `${name}-desktop.png`), fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 700 });
  await page.screenshot({ path: path.join(artifacts, `${name}-320px.png`), fullPage: true });
  // The page itself never scrolls sideways at 320 px: wide tables scroll inside their own regions.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  if (size) await page.setViewportSize(size);
}

async function openWeb(role: string, scope: { subBranch?: string; outlet?: string; name?: string }): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT.timeout);
  await page.goto(`${pane.url}/web.html`);
  await signInAs(page, role, scope);
  return page;
}

async function saved(download: Download, name: string): Promise<string> {
  const file = path.join(work, name);
  await download.saveAs(file);
  return file;
}

/** Clicks a button that starts a download and saves what the browser received. */
async function downloadVia(page: Page, button: string, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.getByRole('button', { name: button }).click()]);
  return saved(download, name);
}

/** The finding lines the page shows after `button` (校验当前表 or 一键修正), once the panel's buttons are enabled again. */
async function findingLines(page: Page, button: string): Promise<string[]> {
  await page.getByRole('button', { name: button }).click();
  await page.locator(`button:has-text("${button}"):enabled`).waitFor();
  const list = page.getByRole('region', { name: '校验结果' });
  await list.or(page.getByText('没有发现问题')).waitFor();
  if ((await list.count()) === 0) return [];
  return (await list.getByRole('button').allTextContents()).sort();
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  work = mkdtempSync(path.join(tmpdir(), 'pts-web-'));
  orgFile = path.join(work, 'org.json');
  writeFileSync(orgFile, JSON.stringify(ORGANISATION));
  ({ stack, pane, browser } = await startPaneStack({ seed: false }));
  const token = await fetch(`${stack.apiUrl}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'auditor' }) });
  const { token: auditorToken } = (await token.json()) as { token: string };
  const put = await fetch(`${stack.apiUrl}/org/${SUB_BRANCH}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${auditorToken}` },
    body: JSON.stringify(ORGANISATION),
  });
  expect(put.status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await pane?.close();
  await stack?.close();
});

describe('web.html for an outlet working in LibreOffice', () => {
  let outletPage: Page;

  it('takes a LibreOffice-typed sheet from template to submission, with the findings of pts validate', async () => {
    // Prepare: the outlet head signs in and downloads today's blank template, header filled.
    outletPage = await openWeb('网点主任', { subBranch: SUB_BRANCH, outlet: OUTLET, name: HEAD });
    const page = outletPage;
    await shots(page, '1-signed-in');
    expect(await axeViolations(page)).toEqual([]);
    const template = await downloadVia(page, '下载空白模板', 'template.xlsx');
    await page.getByText(/^已下载 邀约明细-3307001-.*表头已填好/).waitFor();
    const header = (await readWorkbook(new Uint8Array(readFileSync(template)))).sheets[0].values[1];
    expect([header[1], header[3], header[7]]).toEqual([SUB_BRANCH, OUTLET, HEAD]);

    // Act: typed in LibreOffice, opened in the page (the file picker).
    const filled = path.join(work, '邀约明细.xlsx');
    writeFileSync(filled, await typeInLibreOffice(new Uint8Array(readFileSync(template)), '邀约明细', TYPED));
    await page.getByLabel('打开报表文件（.xlsx）').setInputFiles(filled);
    await page.getByText('已打开 邀约明细.xlsx，工作表“邀约明细”').waitFor();
    const expected = (await validateFile(filled)).filter((f) => f.row !== undefined);
    const shown = await findingLines(page, '校验当前表');
    await shots(page, '2-findings');
    expect(await axeViolations(page)).toEqual([]);

    // Assess: the page's findings are pts validate's, with the mistakes typed.
    expect(shown).toEqual(expected.map(findingLine).sort());
    expect(expected.map((f) => [f.address, f.severity, f.fix !== null]).sort()).toEqual(
      expect.arrayContaining([
        ['邀约明细!C6', 'warning', true],
        ['邀约明细!J6', 'error', false],
        ['邀约明细!M6', 'warning', true],
        ['邀约明细!O6', 'warning', true],
      ]),
    );
    expect(await page.locator('td[data-cell="J6"]').getAttribute('data-mark')).toBe('error');

    // Act: safe fixes, the error corrected in the grid, the fixed file downloaded.
    await findingLines(page, '一键修正');
    await page.locator('td[data-cell="J6"]').click();
    const bar = page.getByLabel('单元格 J6：输入后按 Enter');
    await bar.fill('理财经理王');
    await bar.press('Enter');
    const left = await findingLines(page, '校验当前表');
    expect(left.filter((line) => line.startsWith('错误') || line.startsWith('警告'))).toEqual([]);
    await shots(page, '3-fixed');
    const fixed = await downloadVia(page, '下载修正后的文件', 'fixed.xlsx');
    const afterFix = await validateFile(fixed);
    expect(afterFix.filter((f) => f.severity === 'error' || f.fix !== null)).toEqual([]);
    expect((await readWorkbook(new Uint8Array(readFileSync(fixed)))).sheets[0].values[5]?.[9]).toBe('理财经理王');

    // Act: submitted.
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByText(new RegExp(`^提交成功：${OUTLET} ${TODAY}`)).waitFor();
    await shots(page, '4-submitted');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the submission to the manager, ranked on screen and in the summary workbook', async () => {
    const page = await openWeb('个金经理（支行）', { subBranch: SUB_BRANCH });
    await page.getByRole('button', { name: '拉取汇总' }).click();
    const table = page.getByRole('table', { name: /网点客户邀约每日明细表/ });
    await table.waitFor();
    const own = table.locator(`tr[data-outlet="${OUTLET}"]`);
    expect(await own.locator('td').first().textContent()).toBe('1');
    expect(await table.locator('tr[data-outlet="3307002"] td').first().textContent()).toBe('未报送');
    await page.getByRole('img', { name: /条形图/ }).waitFor();
    await shots(page, '5-manager-summary');
    expect(await axeViolations(page)).toEqual([]);

    const file = await downloadVia(page, '下载汇总工作簿', 'summary.xlsx');
    const workbook = await readWorkbook(new Uint8Array(readFileSync(file)));
    const cells = workbook.sheets.flatMap((s) => s.values.flat());
    expect(cells).toContain(OUTLET);
    expect(cells).toContain('未报送');
  });

  it('shows the submission to the auditor', async () => {
    const page = await openWeb('审计（总行）', {});
    await page.getByLabel('审计日期').fill(TODAY);
    await page.getByLabel('支行代码').fill(SUB_BRANCH);
    await page.getByRole('button', { name: '查看支行审计' }).click();
    await page.getByRole('region', { name: '未报送网点 · 网点客户邀约每日明细表' }).waitFor();
    await page.getByText(OUTLET).first().waitFor();
    await shots(page, '6-auditor');
    expect(await axeViolations(page)).toEqual([]);
  });
});
