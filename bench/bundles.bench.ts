/**
 * Function bundles (issue 5): for each Lambda handler, the size of its bundle (esbuild, minified,
 * AWS SDK left to the runtime: the settings the CDK app deploys with) and its cold import time in a
 * fresh Node process (median of several). Target for every function that neither reads nor writes
 * .xlsx: <= 250 KB and <= 100 ms; for those that only read .xlsx (the streaming reader, issue 12):
 * <= 400 KB, <= 100 ms and no ExcelJS in the bundle (before: 1.23-1.28 MB, about 160 ms). The
 * functions that write workbooks with ExcelJS state their size and what dominates it.
 * Baseline of the same run: a process that only requires the AWS SDK's DynamoDB clients, which every
 * function loads (the runtime's own copy on Lambda), run just before each of a function's runs; what
 * the function takes beyond it is its own code ("own"). The 100 ms target is absolute, so a slow moment
 * of the machine moves it; the baseline says how slow the moment was.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { API_ROUTES } from '#infra/api-routes';
import { FUNCTION_BUNDLE, REPO_ROOT, handlerBuildOptions } from '#infra/function-bundling';
import type { BenchCheck, BenchModule, BenchRunOptions } from './bench-module';

const TARGET_BYTES = 250 * 1024;
const TARGET_READER_BYTES = 400 * 1024;
const TARGET_IMPORT_MS = 100;
const IMPORT_RUNS = 9;
/** Handlers that write workbooks with ExcelJS. */
const XLSX_WRITING_HANDLERS = new Set(['get-consolidated-xlsx', 'get-template-xlsx']);
/** Handlers that only read .xlsx (the streaming reader): POST /submissions accepts a raw .xlsx body. */
const XLSX_READING_HANDLERS = new Set(['post-submission']);
/** Inside the repository so that the external @aws-sdk/* resolve from node_modules, as the runtime provides them. */
const OUT_DIR = path.join(REPO_ROOT, 'test', 'artifacts', 'bench-bundles');

const run = promisify(execFile);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Bytes in the bundle per package (node_modules/<pkg>) or per top folder of ours (shared/src/xlsx), largest first. */
function largestInputs(metafile: Metafile, count: number): { name: string; bytes: number }[] {
  const byName = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const name = packageMatch ? packageMatch[1] : input.split('/').slice(0, 3).join('/');
      byName.set(name, (byName.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...byName.entries()].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, count);
}

/** Milliseconds to require `bundle` in a fresh Node process, measured inside it. */
async function oneColdImportMs(bundle: string): Promise<number> {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(bundle)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6));`;
  const env = {
    ...process.env,
    AWS_REGION: 'cn-north-1',
    TABLE_NAME: 'bench-table',
    IDEMPOTENCY_TABLE_NAME: 'bench-table',
    USER_POOL_ID: 'cn-north-1_bench',
    USER_POOL_CLIENT_ID: 'bench-client',
    POWERTOOLS_SERVICE_NAME: 'pts',
  };
  const { stdout } = await run(process.execPath, ['-e', script], { cwd: OUT_DIR, env });
  return Number(stdout);
}

/**
 * The bundle's cold import (median of IMPORT_RUNS fresh processes), and its own part: each run is
 * paired with a run of the baseline just before it, and the median of the differences is taken, so
 * that the machine's slow and fast moments fall on both alike.
 */
async function coldImport(bundle: string, baseline: string): Promise<{ ms: number; ownMs: number; baselineMs: number }> {
  const times: number[] = [];
  const baselineTimes: number[] = [];
  const differences: number[] = [];
  for (let i = 0; i < IMPORT_RUNS; i += 1) {
    const baselineMs = await oneColdImportMs(baseline);
    const ms = await oneColdImportMs(bundle);
    times.push(ms);
    baselineTimes.push(baselineMs);
    differences.push(ms - baselineMs);
  }
  return { ms: median(times), ownMs: median(differences), baselineMs: median(baselineTimes) };
}

async function runBundlesBench({ log }: BenchRunOptions): Promise<BenchCheck[]> {
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  const handlers = [...new Set(API_ROUTES.map((route) => route.handlerName))];
  const checks: BenchCheck[] = [];
  log(`esbuild ${FUNCTION_BUNDLE.target}, minified, cjs, external ${FUNCTION_BUNDLE.externalModules.join(' ')}; import time = median of ${IMPORT_RUNS} fresh node processes`);
  const sdkOnly = path.join(OUT_DIR, 'aws-sdk-only.js');
  await writeFile(sdkOnly, "require('@aws-sdk/client-dynamodb');\nrequire('@aws-sdk/lib-dynamodb');\n");
  const baselines: number[] = [];
  log(`${'function'.padEnd(24)} ${'size'.padStart(10)} ${'÷target'.padStart(8)} ${'import'.padStart(9)} ${'÷100 ms'.padStart(8)} ${'own'.padStart(8)}  largest inputs`);
  for (const handler of handlers) {
    const outfile = path.join(OUT_DIR, `${handler}.js`);
    const result = await build({ ...handlerBuildOptions(handler), metafile: true, outfile });
    const bytes = (await stat(outfile)).size;
    const { ms: importMs, ownMs, baselineMs } = await coldImport(outfile, sdkOnly);
    baselines.push(baselineMs);
    const xlsx = XLSX_WRITING_HANDLERS.has(handler);
    const reader = XLSX_READING_HANDLERS.has(handler);
    const top = largestInputs(result.metafile, xlsx ? 8 : 4)
      .map((input) => `${input.name} ${kb(input.bytes)}`)
      .join(', ');
    log(
      `${(handler + (xlsx ? ' (.xlsx)' : reader ? ' (reads)' : '')).padEnd(24)} ${kb(bytes).padStart(10)} ${(bytes / (reader ? TARGET_READER_BYTES : TARGET_BYTES)).toFixed(2).padStart(7)}× ${`${importMs.toFixed(1)} ms`.padStart(9)} ${(importMs / TARGET_IMPORT_MS).toFixed(2).padStart(7)}× ${`${ownMs.toFixed(0)} ms`.padStart(8)}  ${top}`,
    );
    if (reader) {
      const excelInputs = Object.keys(result.metafile.inputs).filter((input) => /node_modules\/(exceljs|jszip)\//.test(input)).length;
      checks.push({ name: `${handler}: no ExcelJS in the bundle`, measured: `${excelInputs} ExcelJS/JSZip modules`, target: 'none', pass: excelInputs === 0 });
      checks.push({ name: `${handler}: bundle size`, measured: `${kb(bytes)} (${(bytes / TARGET_READER_BYTES).toFixed(2)}× target)`, target: '≤ 400 KB', pass: bytes <= TARGET_READER_BYTES });
      checks.push({ name: `${handler}: cold import`, measured: `${importMs.toFixed(1)} ms (${(importMs / TARGET_IMPORT_MS).toFixed(2)}× target)`, target: '≤ 100 ms', pass: importMs <= TARGET_IMPORT_MS });
    } else if (!xlsx) {
      checks.push({ name: `${handler}: bundle size`, measured: `${kb(bytes)} (${(bytes / TARGET_BYTES).toFixed(2)}× target)`, target: '≤ 250 KB', pass: bytes <= TARGET_BYTES });
      checks.push({ name: `${handler}: cold import`, measured: `${importMs.toFixed(1)} ms (${(importMs / TARGET_IMPORT_MS).toFixed(2)}× target)`, target: '≤ 100 ms', pass: importMs <= TARGET_IMPORT_MS });
    }
  }
  log('(.xlsx) functions write workbooks with ExcelJS: no size target; their largest inputs say what dominates. (reads): the streaming reader, ≤ 400 KB.');
  log(
    `baseline, same run: requiring only the AWS SDK's DynamoDB clients took ${Math.min(...baselines).toFixed(1)}–${Math.max(...baselines).toFixed(1)} ms (median per function); "own" = the function's import − the baseline's run just before it, median of ${IMPORT_RUNS}`,
  );
  return checks;
}

export const bundlesBench: BenchModule = {
  name: 'bundles',
  description: 'Lambda bundle size and cold import time per function',
  run: runBundlesBench,
};
