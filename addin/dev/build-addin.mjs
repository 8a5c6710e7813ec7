// Builds the task pane into dist/addin/: taskpane.html/js, commands.html/js, web.html/js (the web page), icons, config.json and the manifest.
// PTS_PANE_URL (the infrastructure's pane URL, e.g. https://d123.cloudfront.net) replaces https://localhost:3000 in
// dist/addin/manifest.xml; PTS_API_URL (the API's URL) goes into dist/addin/config.json. Called by scripts/build.mjs.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'dist', 'addin');
const DEV_URL = 'https://localhost:3000';

export async function buildAddin(env = process.env) {
  mkdirSync(path.join(out, 'assets'), { recursive: true });
  const common = {
    bundle: true,
    platform: 'browser',
    target: 'es2020',
    format: 'iife',
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    absWorkingDir: root,
  };
  await build({ ...common, entryPoints: ['addin/src/taskpane/index.tsx'], outfile: path.join(out, 'taskpane.js') });
  await build({ ...common, entryPoints: ['addin/src/commands/commands.ts'], outfile: path.join(out, 'commands.js') });
  await build({ ...common, entryPoints: ['addin/src/web/index.tsx'], outfile: path.join(out, 'web.js') });
  copyFileSync(path.join(root, 'addin/src/taskpane/taskpane.html'), path.join(out, 'taskpane.html'));
  copyFileSync(path.join(root, 'addin/src/commands/commands.html'), path.join(out, 'commands.html'));
  copyFileSync(path.join(root, 'addin/src/web/web.html'), path.join(out, 'web.html'));
  for (const icon of readdirSync(path.join(root, 'addin/assets')).filter((f) => f.endsWith('.png'))) {
    copyFileSync(path.join(root, 'addin/assets', icon), path.join(out, 'assets', icon));
  }
  writeFileSync(path.join(out, 'config.json'), JSON.stringify({ apiUrl: env.PTS_API_URL || '/api', local: false }));
  writeFileSync(path.join(out, 'manifest.xml'), renderManifest(readFileSync(path.join(root, 'manifest.xml'), 'utf8'), env.PTS_PANE_URL));
}

/** The manifest for a pane served from `paneUrl` (https; the dev URL when empty). */
export function renderManifest(xml, paneUrl) {
  const url = (paneUrl || DEV_URL).replace(/\/$/, '');
  if (!/^https:\/\/[^/]+/.test(url)) throw new Error(`PTS_PANE_URL must be an https URL: ${url}`);
  return xml.replaceAll(DEV_URL, url);
}
