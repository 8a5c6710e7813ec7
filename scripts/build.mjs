// Builds what runs outside TypeScript: the CLI bundle (cli/src) (dist/cli.cjs). Other parts add their entries here.
import { build } from 'esbuild';
import { createRequire } from 'node:module';

// The CLI bundle's options are shared with bin/pts.cjs, which builds it on first use after `npm ci`.
const { cliBundleOptions } = createRequire(import.meta.url)('./cli-bundle-options.cjs');
await build(cliBundleOptions('.', 'dist/cli.cjs')).catch(() => process.exit(1));

// The Excel task pane (addin/) into dist/addin/, manifest with PTS_PANE_URL (addin/dev/build-addin.mjs).
await (await import('../addin/dev/build-addin.mjs')).buildAddin().catch((error) => {
  console.error(error);
  process.exit(1);
});

// The Lambda handlers (functions/src/handlers/*.ts), one file each into dist/functions/<name>.js, AWS SDK v3 left to the runtime.
{
  const { readdirSync } = await import('node:fs');
  const handlers = readdirSync('functions/src/handlers').filter((file) => file.endsWith('.ts'));
  await build({
    entryPoints: Object.fromEntries(handlers.map((file) => [file.replace(/\.ts$/, ''), `functions/src/handlers/${file}`])),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outdir: 'dist/functions',
    external: ['@aws-sdk/*'],
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  }).catch(() => process.exit(1));
}
