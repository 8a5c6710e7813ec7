import '../helpers/env';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import { bodyOf, httpEvent, lambdaContext } from '../helpers/events';

const OUT_DIR = path.join(__dirname, '..', '..', 'artifacts', 'functions-bundles');

describe('handler bundles', () => {
  it('bundle into one file each (AWS SDK external) that answers as the handler does', async () => {
    // Prepare
    mkdirSync(OUT_DIR, { recursive: true });
    await build({
      entryPoints: { 'get-health': 'functions/src/handlers/get-health.ts', 'get-templates': 'functions/src/handlers/get-templates.ts' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outdir: OUT_DIR,
      external: ['@aws-sdk/*'],
      mainFields: ['module', 'main'],
      logLevel: 'silent',
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle is plain CommonJS
    const health = require(path.join(OUT_DIR, 'get-health.js')) as { handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }> };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const templates = require(path.join(OUT_DIR, 'get-templates.js')) as typeof health;
    // Act
    const ok = await health.handler(httpEvent({ path: '/health' }), lambdaContext);
    const unauthenticated = await templates.handler(httpEvent({ path: '/templates' }), lambdaContext);
    const bad = await templates.handler({ not: 'an event' }, lambdaContext);
    // Assess
    expect([ok.statusCode, bodyOf(ok).status]).toEqual([200, 'ok']);
    expect(unauthenticated.statusCode).toBe(401);
    expect([bad.statusCode, bodyOf(bad).code]).toEqual([400, 'bad-request']);
  });
});
