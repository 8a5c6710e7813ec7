/** The one infra test that really bundles: every function through NodejsFunction and the local esbuild (no Docker). */
import { API_ROUTES } from '#infra/api-routes';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { synthesiseApp } from './synth-app';

describe('function bundles', () => {
  let outdir: string;
  let functions: { logicalId: string; description: string; assetDir: string }[];

  beforeAll(() => {
    outdir = mkdtempSync(path.join(tmpdir(), 'pts-cdk-'));
    const { api } = synthesiseApp({ stage: 'prod', bundle: true, outdir });
    functions = Object.entries(api.findResources('AWS::Lambda::Function')).map(([logicalId, resource]) => ({
      logicalId,
      description: resource.Properties.Description as string,
      // the asset is staged as asset.<hash>/, uploaded as <hash>.zip
      assetDir: path.join(outdir, `asset.${String(resource.Properties.Code.S3Key).replace(/\.zip$/, '')}`),
    }));
  }, 180_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('bundles each handler (one per route, and the sweep) into a minified index.js with its source map', () => {
    expect(functions).toHaveLength(new Set(API_ROUTES.map((route) => route.handlerName)).size + 1);
    for (const fn of functions) {
      const code = path.join(fn.assetDir, 'index.js');
      expect([fn.logicalId, existsSync(code), existsSync(`${code}.map`)]).toEqual([fn.logicalId, true, true]);
      const text = readFileSync(code, 'utf8');
      // minified: long lines (a readable bundle averages under 40 characters a line)
      expect([fn.logicalId, text.length / text.split('\n').length > 1000]).toEqual([fn.logicalId, true]);
      expect(text).toMatch(/exports|module\.exports/);
    }
  });

  it('leaves the AWS SDK to the runtime', () => {
    const postSubmission = functions.find((fn) => fn.description.startsWith('POST /submissions'));
    const text = readFileSync(path.join(postSubmission?.assetDir ?? '', 'index.js'), 'utf8');
    expect(text).toMatch(/require\("@aws-sdk\/(lib-dynamodb|client-dynamodb)"\)/);
    // the SDK's own client code (its user agent string) is not inside
    expect(text).not.toMatch(/aws-sdk-js\/3\./);
  });

  it('keeps every bundle under the Lambda limit of 50 MB zipped / 250 MB unzipped by far', () => {
    for (const fn of functions) {
      expect([fn.logicalId, statSync(path.join(fn.assetDir, 'index.js')).size < 10 * 1024 * 1024]).toEqual([fn.logicalId, true]);
    }
  });
});
