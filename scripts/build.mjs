// Builds what runs outside TypeScript: the CLI bundle (cli/src) (dist/cli.cjs). Other parts add their entries here.
import { build } from 'esbuild';

await build({
  entryPoints: ['cli/src/main.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: 'dist/cli.cjs',
  logLevel: 'warning',
}).catch(() => process.exit(1));
