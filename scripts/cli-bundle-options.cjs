// esbuild options of the CLI bundle (dist/cli.cjs), in one place: `npm run build` (scripts/build.mjs)
// and the `pts` launcher's build on first use (bin/pts.cjs) make the same bundle.
const path = require('node:path');

/** @param {string} root the package folder @param {string} outfile where the bundle goes */
function cliBundleOptions(root, outfile) {
  return {
    entryPoints: [path.join(root, 'cli', 'src', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
  };
}

module.exports = { cliBundleOptions };
