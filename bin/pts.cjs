#!/usr/bin/env node
// Launcher of the `pts` command: runs the bundle that `npm run build` writes (dist/cli.cjs). Right after
// `npm ci` there is none yet: it is built here on first use with esbuild (a devDependency, so present
// after `npm ci`), written to a temporary file and renamed into place, so that two first runs at once
// do not read a half-written bundle.
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist', 'cli.cjs');

function fail(zh, en) {
  process.stderr.write(`pts: ${zh} / ${en}\n`);
  process.exit(2);
}

function buildOnFirstUse() {
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch {
    fail('尚未构建，且找不到 esbuild：请运行 npm ci 后再试，或运行 npm run build', 'not built yet and esbuild is missing: run npm ci, or npm run build');
  }
  const { cliBundleOptions } = require(path.join(root, 'scripts', 'cli-bundle-options.cjs'));
  const partial = `${bundle}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(bundle), { recursive: true });
    esbuild.buildSync({ ...cliBundleOptions(root, partial), logLevel: 'error' });
    fs.renameSync(partial, bundle);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    const detail = String((error && error.message) || error).split('\n')[0];
    fail(`首次运行时构建命令行失败（${detail}）`, `could not build the CLI on first use (${detail})`);
  }
}

if (!fs.existsSync(bundle)) buildOnFirstUse();
require(bundle);
