import path from 'node:path';

/** Repository root, from infra/lib/. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Where the Lambda handlers live: one file per route, each exporting `handler`, so one entry point per route bundles alone. */
export const HANDLERS_DIR = path.join(REPO_ROOT, 'functions', 'src', 'handlers');

/**
 * esbuild settings shared by the CDK functions (infra/lib/constructs/app-function.ts) and the bundle
 * benchmark (bench/bundles.bench.ts), so that the benchmark measures what is deployed.
 */
export const FUNCTION_BUNDLE = {
  /** Node.js 24 on Lambda. */
  target: 'node24',
  /** The AWS SDK v3 ships with the Node.js runtime: left out of the bundle. */
  externalModules: ['@aws-sdk/*'],
  /** Prefer ES modules so that esbuild can drop unused exports. */
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
} as const;

/** The path of a handler file from its route name (`post-submission` -> functions/src/handlers/post-submission.ts). */
export function handlerEntryPath(handlerName: string, handlersDir: string = HANDLERS_DIR): string {
  return path.join(handlersDir, `${handlerName}.ts`);
}

/** The esbuild options of one handler as the CDK app bundles it, for code that calls esbuild itself (bench, grant test). */
export function handlerBuildOptions(handlerName: string) {
  return {
    entryPoints: [handlerEntryPath(handlerName)],
    bundle: true,
    platform: 'node' as const,
    target: FUNCTION_BUNDLE.target,
    format: 'cjs' as const,
    mainFields: [...FUNCTION_BUNDLE.mainFields] as string[],
    external: [...FUNCTION_BUNDLE.externalModules] as string[],
    minify: FUNCTION_BUNDLE.minify as boolean,
    logLevel: 'silent' as const,
  };
}
