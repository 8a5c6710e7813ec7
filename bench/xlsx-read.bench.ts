/**
 * The .xlsx reader (issue 12), whole processes as a user runs them, each bundled with esbuild as the
 * CLI is and timed as `node BUNDLE FILE` from start to exit (median of 3, the three kinds taken in
 * turn so that load on the machine falls on all alike):
 * - 50,000 rows: `pts validate` (read, validate, print the findings) against ExcelJS merely opening the
 *   same file, and against `tableschema` validating the same rows as CSV; all measured in this run.
 * - 100,000 rows: peak RSS of reading and validating (before the streaming reader: 796 MB).
 * - The pane's browser bundle with the reader in it, against the pane as built today.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { CellValue } from '#shared/grid/types';
import type { TemplateSpec } from '#shared/spec/schema';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { REPO_ROOT } from '#infra/function-bundling';
import type { BenchCheck, BenchModule, BenchRunOptions } from './bench-module';
import { BENCH_HEADER } from './_lib/bench-organisation';
import { syntheticInviteRows, writeSyntheticInviteWorkbook } from './_lib/synthetic-invite-sheet';
import { tableSchemaOf } from './_lib/table-schema-of';
import { UNCAPPED_READ_LIMITS, uncappedRegistry } from './_lib/uncapped';

const WHOLE_PROCESS_ROWS = 50_000;
const MEMORY_ROWS = 100_000;
const RUNS = 3;
const TARGET_EXCELJS_RATIO = 0.3;
const TARGET_PEAK_MB = 200;
const TARGET_PANE_GROWTH_KB = 60;
/** Inside the repository, so that the bundles' external packages (exceljs, tableschema) resolve from node_modules. */
const OUT_DIR = path.join(REPO_ROOT, 'test', 'artifacts', 'bench-xlsx-read');

const run = promisify(execFile);
const spec = uncappedRegistry.current('invite-daily') as TemplateSpec;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const MB = 2 ** 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function bundle(entry: string, name: string, external: string[] = []): Promise<string> {
  const outfile = path.join(OUT_DIR, `${name}.cjs`);
  await build({ entryPoints: [path.join(REPO_ROOT, 'bench', '_lib', entry)], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, external, logLevel: 'warning' });
  return outfile;
}

interface ProcessRun {
  ms: number;
  maxRssBytes: number;
}

/** Runs `node bundle ...args` to its exit; wall time and the peak RSS the process reports on its last stderr line. */
async function timeProcess(bundleFile: string, args: string[]): Promise<ProcessRun> {
  const started = performance.now();
  const { stderr } = await run(process.execPath, [bundleFile, ...args], { cwd: OUT_DIR, maxBuffer: 256 * MB });
  const ms = performance.now() - started;
  const last = stderr.trim().split('\n').pop() ?? '{}';
  return { ms, maxRssBytes: (JSON.parse(last) as { maxRssBytes: number }).maxRssBytes };
}

function csvField(value: CellValue, isDate: boolean): string {
  if (value === null) return '';
  const text = isDate && typeof value === 'number' ? new Date(Math.round((value - 25569) * 86_400_000)).toISOString().slice(0, 10) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The data rows of the sheet as the CSV a tableschema user would have, with a header line of the field names. */
async function csvOf(bytes: Uint8Array): Promise<string> {
  const values = (await readWorkbook(bytes, UNCAPPED_READ_LIMITS)).sheets.find((s) => s.sheetName === spec.sheetName)!.values;
  const dateColumns = new Set(spec.columns.flatMap((c, i) => (c.type === 'date' ? [i] : [])));
  const fields = tableSchemaOf(spec);
  const lines = [fields.map((f) => csvField(f.name, false)).join(',')];
  for (let r = spec.firstDataRow - 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.length === 0) continue;
    lines.push(spec.columns.map((_, c) => csvField(row[c] ?? null, dateColumns.has(c))).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Bytes the pane's bundle (addin/dev/build-addin.mjs settings) grows by when it also bundles readWorkbook. */
async function paneGrowthBytes(): Promise<{ pane: number; withReader: number }> {
  const common = {
    bundle: true,
    platform: 'browser' as const,
    target: 'es2020',
    format: 'iife' as const,
    minify: true,
    jsx: 'automatic' as const,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent' as const,
    absWorkingDir: REPO_ROOT,
    write: false,
  };
  const pane = await build({ ...common, entryPoints: ['addin/src/taskpane/index.tsx'] });
  const withReader = await build({
    ...common,
    stdin: { contents: "import './addin/src/taskpane/index.tsx';\nexport { readWorkbook } from '#shared/xlsx/read-workbook';", resolveDir: REPO_ROOT, loader: 'ts' },
  });
  return { pane: pane.outputFiles?.[0].contents.length ?? 0, withReader: withReader.outputFiles?.[0].contents.length ?? 0 };
}

async function runXlsxReadBench({ log }: BenchRunOptions): Promise<BenchCheck[]> {
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  const validateBundle = await bundle('validate-process.ts', 'validate');
  const exceljsBundle = await bundle('exceljs-open-process.ts', 'exceljs-open', ['exceljs']);
  const tableschemaBundle = await bundle('tableschema-process.ts', 'tableschema', ['tableschema']);
  const peakBundle = await bundle('peak-rss-child.ts', 'peak-rss');

  const xlsxFile = path.join(OUT_DIR, `rows-${WHOLE_PROCESS_ROWS}.xlsx`);
  const bytes = await writeSyntheticInviteWorkbook(spec, BENCH_HEADER, syntheticInviteRows(WHOLE_PROCESS_ROWS));
  await writeFile(xlsxFile, bytes);
  const csvFile = path.join(OUT_DIR, `rows-${WHOLE_PROCESS_ROWS}.csv`);
  await writeFile(csvFile, await csvOf(bytes));
  const schemaFile = path.join(OUT_DIR, 'schema.json');
  await writeFile(schemaFile, JSON.stringify({ fields: tableSchemaOf(spec) }));
  log(`${fmt(WHOLE_PROCESS_ROWS)} rows × ${spec.columns.length} columns (${fmt((WHOLE_PROCESS_ROWS * spec.columns.length) / 1e6, 1)} M cells), .xlsx ${fmt(bytes.length / MB, 1)} MB; whole processes, median of ${RUNS}`);

  const runs = { validate: [] as ProcessRun[], exceljs: [] as ProcessRun[], tableschema: [] as ProcessRun[] };
  for (let i = 0; i < RUNS; i++) {
    runs.validate.push(await timeProcess(validateBundle, [xlsxFile]));
    runs.exceljs.push(await timeProcess(exceljsBundle, [xlsxFile]));
    runs.tableschema.push(await timeProcess(tableschemaBundle, [csvFile, schemaFile]));
  }
  const ms = (kind: keyof typeof runs) => median(runs[kind].map((r) => r.ms));
  const peak = (kind: keyof typeof runs) => Math.max(...runs[kind].map((r) => r.maxRssBytes)) / MB;
  const validateMs = ms('validate');
  const exceljsMs = ms('exceljs');
  const tableschemaMs = ms('tableschema');
  log(`pts validate (streaming reader + validator + output)  ${fmt(validateMs)} ms, peak RSS ${fmt(peak('validate'))} MB`);
  log(`ExcelJS merely opening the .xlsx                     ${fmt(exceljsMs)} ms, peak RSS ${fmt(peak('exceljs'))} MB`);
  log(`tableschema validating the rows as CSV               ${fmt(tableschemaMs)} ms, peak RSS ${fmt(peak('tableschema'))} MB`);
  const exceljsRatio = validateMs / exceljsMs;
  const tableschemaRatio = validateMs / tableschemaMs;
  log(`pts validate / ExcelJS open ${exceljsRatio.toFixed(2)}×, pts validate / tableschema ${tableschemaRatio.toFixed(2)}×`);

  const memoryFile = path.join(OUT_DIR, `rows-${MEMORY_ROWS}.xlsx`);
  await writeFile(memoryFile, await writeSyntheticInviteWorkbook(spec, BENCH_HEADER, syntheticInviteRows(MEMORY_ROWS)));
  const { stdout } = await run(process.execPath, [peakBundle, memoryFile], { cwd: OUT_DIR });
  const memory = JSON.parse(stdout) as { rows: number; maxRssBytes: number };
  const peakMb = memory.maxRssBytes / MB;
  log(`${fmt(MEMORY_ROWS)} rows read and validated (${fmt(memory.rows)} rows): peak RSS ${fmt(peakMb)} MB (node included; ExcelJS reader before: 796 MB)`);

  const growth = await paneGrowthBytes();
  const growthKb = (growth.withReader - growth.pane) / 1024;
  log(`task pane bundle ${fmt(growth.pane / 1024)} KB; with readWorkbook ${fmt(growth.withReader / 1024)} KB: +${fmt(growthKb, 1)} KB`);

  return [
    { name: `${fmt(WHOLE_PROCESS_ROWS)} rows: pts validate / ExcelJS opening`, measured: `${exceljsRatio.toFixed(2)}× (${fmt(validateMs)} / ${fmt(exceljsMs)} ms)`, target: `≤ ${TARGET_EXCELJS_RATIO}×`, pass: exceljsRatio <= TARGET_EXCELJS_RATIO },
    { name: `${fmt(WHOLE_PROCESS_ROWS)} rows: pts validate / tableschema (CSV)`, measured: `${tableschemaRatio.toFixed(2)}× (${fmt(validateMs)} / ${fmt(tableschemaMs)} ms)`, target: '< 1×', pass: tableschemaRatio < 1 },
    { name: `${fmt(MEMORY_ROWS)} rows: peak RSS reading and validating`, measured: `${fmt(peakMb)} MB`, target: `≤ ${TARGET_PEAK_MB} MB`, pass: peakMb <= TARGET_PEAK_MB },
    { name: 'task pane bundle growth with the reader', measured: `${fmt(growthKb, 1)} KB`, target: `≤ ${TARGET_PANE_GROWTH_KB} KB`, pass: growthKb <= TARGET_PANE_GROWTH_KB },
  ];
}

export const xlsxReadBench: BenchModule = {
  name: 'xlsx-read',
  description: 'the streaming .xlsx reader: whole-process pts validate against ExcelJS and tableschema, peak memory, pane bundle growth',
  run: runXlsxReadBench,
};
