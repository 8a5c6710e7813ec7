#!/usr/bin/env node
// Launcher of the `pts` command: runs the bundle that `npm run build` writes.
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('pts: 尚未构建，请先运行 npm run build / not built yet: run npm run build\n');
  process.exit(2);
}
require(bundle);
