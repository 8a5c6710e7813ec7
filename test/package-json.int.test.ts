/**
 * `npm ci` warns about no install script: package.json's `allowScripts` approves exactly the dependencies
 * that have one (npm 11's install-script policy). Asked of npm itself, offline: `npm install-scripts ls`.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');

function npm(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile('npm', args, { cwd: ROOT, timeout: 90_000, env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) || 1 : 0, out: `${stdout}${stderr}` }),
    );
  });
}

describe('package.json allowScripts', () => {
  it('approves exactly esbuild, @swc/core and @parcel/watcher', () => {
    // Act
    const allow = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> }).allowScripts;
    // Assess
    expect(allow).toEqual({ esbuild: true, '@swc/core': true, '@parcel/watcher': true });
  });

  it('leaves npm no dependency with an unreviewed install script', async () => {
    // Prepare: npm older than 11's install-script policy has no such command; there is nothing to check then
    const version = await npm(['--version']);
    const major = Number(version.out.trim().split('.')[0]);
    if (major < 11) return;
    // Act
    const listed = await npm(['install-scripts', 'ls']);
    // Assess
    expect(listed.out).toContain('No packages with unreviewed install scripts');
  }, 120_000);
});
