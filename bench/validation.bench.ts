/**
 * Validation benchmark (issue 3): for synthetic 邀约明细 sheets of 1,000, 10,000 and 100,000 rows,
 * validation throughput, validation time against the time to load the same .xlsx (readWorkbook, the streaming reader),
 * and against Frictionless' `tableschema` validating the same rows, all measured in this run.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Table } from 'tableschema';
import type { CellValue, WorkbookGrid } from '#shared/grid/types';
import type { TemplateSpec } from '#shared/spec/schema';
import { validateWorkbook } from '#shared/validation/validate-workbook';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import type { BenchCheck, BenchModule, BenchRunOptions } from './bench-module';
import { BENCH_AS_OF, BENCH_HEADER, benchOrganisation } from './_lib/bench-organisation';
import { syntheticInviteRows, writeSyntheticInviteWorkbook } from './_lib/synthetic-invite-sheet';
import { tableSchemaOf } from './_lib/table-schema-of';
import { UNCAPPED_READ_LIMITS, uncappedRegistry } from './_lib/uncapped';

const DEFAULT_ROWS = [1_000, 10_000, 100_000];
/** tableschema runs on at most this many rows; above, its time is extrapolated per row. */
const TABLESCHEMA_SAMPLE_ROWS = 100_000;
/** Issue 11: the engine was made readable again on condition that it keeps at least this speed. */
const TARGET_CELLS_PER_SECOND = 5_000_000;
const TARGET_LOAD_RATIO = 0.25;
const TARGET_SPEEDUP = 10;

const run = promisify(execFile);
// Without the 5,000-row cap of a submission: this bench measures the engine on 10,000 and 100,000 rows.
const registry = uncappedRegistry;
const spec = registry.current('invite-daily') as TemplateSpec;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (value: number) => `${fmt(value, value < 100 ? 1 : 0)} ms`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * A full garbage collection before each timed run, so that no run pays for the garbage of the one before
 * (reading 100,000 rows with ExcelJS leaves a large heap of dead objects behind).
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function timeMs(action: () => unknown): Promise<number> {
  collectGarbage();
  const start = performance.now();
  await action();
  return performance.now() - start;
}

/** Median time of `repeats` runs after one warm-up run. */
async function medianMs(repeats: number, action: () => unknown): Promise<number> {
  await action();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) times.push(await timeMs(action));
  return median(times);
}

/** The data rows as a CSV would hold them for tableschema: texts, numbers as text, date serials as ISO days. */
function tableRowsOf(workbook: WorkbookGrid, count: number): string[][] {
  const values = workbook.sheets.find((s) => s.sheetName === spec.sheetName)!.values;
  const dateColumns = new Set(spec.columns.flatMap((c, i) => (c.type === 'date' ? [i] : [])));
  const rows: string[][] = [];
  for (let r = spec.firstDataRow - 1; r < spec.firstDataRow - 1 + count; r++) {
    const row = values[r] ?? [];
    rows.push(spec.columns.map((_, c) => asCsvText(row[c] ?? null, dateColumns.has(c))));
  }
  return rows;
}

function asCsvText(value: CellValue, isDate: boolean): string {
  if (value === null) return '';
  if (isDate && typeof value === 'number') return new Date(Math.round((value - 25569) * 86_400_000)).toISOString().slice(0, 10);
  return String(value);
}

async function tableschemaMs(rows: string[][]): Promise<{ ms: number; invalidRows: number }> {
  const fields = tableSchemaOf(spec);
  let invalidRows = 0;
  const elapsed = await timeMs(async () => {
    const table = await Table.load(rows, { schema: { fields }, headers: fields.map((f) => f.name) });
    const result = await table.read({ forceCast: true });
    invalidRows = result.filter((row) => row instanceof Error).length;
  });
  return { ms: elapsed, invalidRows };
}

async function peakRssOf(bytes: Uint8Array): Promise<{ maxRssBytes: number; rows: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'pts-bench-'));
  try {
    const file = join(dir, 'sheet.xlsx');
    await writeFile(file, bytes);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(__dirname, '_lib', 'peak-rss-child.ts'), file], { maxBuffer: 1 << 20 });
    return JSON.parse(stdout) as { maxRssBytes: number; rows: number };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function runValidationBench(options: BenchRunOptions): Promise<BenchCheck[]> {
  const { log } = options;
  const sizes = options.rows ?? DEFAULT_ROWS;
  const columns = spec.columns.length;
  const checks: BenchCheck[] = [];
  log(`template ${spec.id} v${spec.version}, ${columns} columns; cells = rows × ${columns}; times are medians after a warm-up run`);
  log('rows      cells      validate   cells/s     load (readWorkbook)  validate/load  tableschema              vs tableschema  findings');

  let largest: { rows: number; bytes: Uint8Array } | undefined;
  for (const rows of sizes) {
    const bytes = await writeSyntheticInviteWorkbook(spec, BENCH_HEADER, syntheticInviteRows(rows));
    const repeats = rows <= 1_000 ? 20 : rows <= 10_000 ? 5 : 3;
    let workbook: WorkbookGrid | undefined;
    const loadMs = await medianMs(rows <= 10_000 ? 3 : 1, async () => {
      workbook = await readWorkbook(bytes, UNCAPPED_READ_LIMITS);
    });
    const grid = workbook as WorkbookGrid;
    let findings = 0;
    const validateMs = await medianMs(repeats, () => {
      findings = validateWorkbook(grid, registry, { asOf: BENCH_AS_OF, organisation: benchOrganisation }).findings.length;
    });

    const sampleRows = Math.min(rows, TABLESCHEMA_SAMPLE_ROWS);
    const tableRows = tableRowsOf(grid, sampleRows);
    await tableschemaMs(tableRows.slice(0, 200)); // warm-up
    const sample = await tableschemaMs(tableRows);
    const tableschemaTotalMs = (sample.ms / sampleRows) * rows;
    const tableschemaText = sampleRows < rows ? `${ms(tableschemaTotalMs)} (extrapolated from ${fmt(sampleRows)} rows)` : `${ms(tableschemaTotalMs)} (measured)`;

    const cells = rows * columns;
    const cellsPerSecond = cells / (validateMs / 1000);
    const loadRatio = validateMs / loadMs;
    const speedup = tableschemaTotalMs / validateMs;
    log(
      [
        fmt(rows).padEnd(9),
        fmt(cells).padEnd(10),
        ms(validateMs).padEnd(10),
        fmt(cellsPerSecond).padEnd(11),
        ms(loadMs).padEnd(20),
        loadRatio.toFixed(3).padEnd(14),
        tableschemaText.padEnd(24),
        `${speedup.toFixed(1)}×`.padEnd(15),
        fmt(findings),
      ].join(' '),
    );
    const label = `${fmt(rows)} rows`;
    checks.push(
      { name: `${label}: validation throughput`, measured: `${fmt(cellsPerSecond)} cells/s`, target: `≥ ${fmt(TARGET_CELLS_PER_SECOND)} cells/s`, pass: cellsPerSecond >= TARGET_CELLS_PER_SECOND },
      { name: `${label}: validation time / load time`, measured: `${loadRatio.toFixed(3)}×`, target: `≤ ${TARGET_LOAD_RATIO}×`, pass: loadRatio <= TARGET_LOAD_RATIO },
      { name: `${label}: faster than tableschema`, measured: `${speedup.toFixed(1)}×`, target: `≥ ${TARGET_SPEEDUP}×`, pass: speedup >= TARGET_SPEEDUP },
    );
    if (!largest || rows > largest.rows) largest = { rows, bytes };
  }

  if (largest) {
    const peak = await peakRssOf(largest.bytes);
    log(`peak RSS reading and validating ${fmt(largest.rows)} rows (own process, node + tsx included): ${fmt(peak.maxRssBytes / 2 ** 20)} MB`);
    log(`peak RSS of this benchmark process (generation of all sheets included): ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
  }
  log('tableschema checks types and per-column constraints only; our validator also checks cross-column rules, normalises values and the header block.');
  return checks;
}

export const validationBench: BenchModule = {
  name: 'validation',
  description: 'validateWorkbook on synthetic 邀约明细 sheets against ExcelJS load time and tableschema',
  run: runValidationBench,
};
