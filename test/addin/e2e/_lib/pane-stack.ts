/**
 * What every pane end-to-end test starts: the pane built as `npm run build` builds it, the local stack (its own
 * DynamoDB Local, the real handlers), the pane served over https in front of it, and Debian's Chromium.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startPaneServer, type PaneServer } from '#addin-dev/serve-pane';
import { startLocalStack, type LocalStack } from '#functions/local/local-stack';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
/** The flags this machine's Chromium needs (no sandbox as root, no GPU, no calls home). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export interface PaneStack {
  stack: LocalStack;
  pane: PaneServer;
  browser: Browser;
  /** Closes the browser, the pane server and the stack, whichever were started. */
  close(): Promise<void>;
}

export async function startPaneStack(options: { seed: boolean }): Promise<PaneStack> {
  // An ES module script: built in its own node process.
  execFileSync(process.execPath, ['--input-type=module', '-e', "(await import('./addin/dev/build-addin.mjs')).buildAddin()"], {
    cwd: REPO_ROOT,
    env: { ...process.env, PTS_PANE_URL: '', PTS_API_URL: '' },
    stdio: 'pipe',
  });
  const stack = await startLocalStack({ apiPort: 0, seed: options.seed });
  const pane = await startPaneServer({ port: 0, apiUrl: stack.apiUrl, certDir: path.join(REPO_ROOT, '.data', 'certs') }).catch(async (error: unknown) => {
    await stack.close();
    throw error;
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }).catch(async (error: unknown) => {
    await pane.close();
    await stack.close();
    throw error;
  });
  return {
    stack,
    pane,
    browser,
    async close() {
      await browser.close();
      await pane.close();
      await stack.close();
    },
  };
}

/** Signs in on the pane's local sign-in form as a role (its Chinese label), with a scope and a name when given. */
export async function signInAs(page: Page, role: string, scope: { subBranch?: string; outlet?: string; name?: string }): Promise<void> {
  await page.getByRole('radio', { name: role }).check();
  if (scope.subBranch !== undefined) await page.getByLabel('支行代码').fill(scope.subBranch);
  if (scope.outlet !== undefined) await page.getByLabel('网点代码').fill(scope.outlet);
  if (scope.name !== undefined) await page.getByLabel('姓名（填报人）').fill(scope.name);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
}
