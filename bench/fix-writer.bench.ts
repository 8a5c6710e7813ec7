/**
 * Fix-writer benchmark (issue 12): `pts fix`'s writing step on a 50,000-row 邀约明细 with the safe fixes
 * validate proposes (about 1 row in 25 has one), by the patch writer that rewrites only the fixed cells,
 * against the ExcelJS re-save it replaced (bench/_lib/exceljs-resave-fixes.ts), measured in the same run.
 */
import type { Finding } from '#shared/findings/types';
import { applySafeFixes } from '#shared/validation/apply-safe-fixes';
import { validateWorkbook } from '#shared/validation/validate-workbook';
import { writeFixesToWorkbook } from '#shared/xlsx/patch/write-fixes-to-workbook';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import type { BenchCheck, BenchModule, BenchRunOptions } from './bench-module';
import { BENCH_AS_OF, BENCH_HEADER, benchOrganisation } from './_lib/bench-organisation';
import { resaveFixesWithExcelJs } from './_lib/exceljs-resave-fixes';
import { syntheticInviteRows, writeSyntheticInviteWorkbook } from './_lib/synthetic-invite-sheet';
import { UNCAPPED_READ_LIMITS, uncappedRegistry } from './_lib/uncapped';

const ROWS = 50_000;
/** The patch writer's time as a share of the ExcelJS re-save's, at most (measured 0.13–0.24 on two shared cores under load). */
const TARGET_RATIO = 0.3;
const PATCH_REPEATS = 3;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function timed<T>(action: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await action();
  return { ms: performance.now() - started, value };
}

async function runFixWriterBench({ log }: BenchRunOptions): Promise<BenchCheck[]> {
  const spec = uncappedRegistry.current('invite-daily')!;
  const bytes = await writeSyntheticInviteWorkbook(spec, BENCH_HEADER, syntheticInviteRows(ROWS));
  const workbook = await readWorkbook(bytes, UNCAPPED_READ_LIMITS);
  const validation = validateWorkbook(workbook, uncappedRegistry, { asOf: BENCH_AS_OF, organisation: benchOrganisation });
  const fixes: Finding[] = workbook.sheets.flatMap((sheet) => applySafeFixes(sheet, validation.findings).applied);
  log(`${fmt(ROWS)} rows, ${fmt(bytes.length / 1024)} KB zipped, ${fmt(fixes.length)} safe fixes`);

  const patchTimes: number[] = [];
  let patched: Uint8Array = new Uint8Array();
  for (let i = 0; i < PATCH_REPEATS; i++) {
    const run = await timed(() => writeFixesToWorkbook(bytes, spec, fixes, UNCAPPED_READ_LIMITS));
    patchTimes.push(run.ms);
    patched = run.value;
  }
  const patchMs = [...patchTimes].sort((a, b) => a - b)[Math.floor(PATCH_REPEATS / 2)];
  log(`patch writer: ${fmt(patchMs)} ms (median of ${PATCH_REPEATS}: ${patchTimes.map((t) => fmt(t)).join(', ')}), ${fmt(patched.length / 1024)} KB`);
  const resave = await timed(() => resaveFixesWithExcelJs(bytes, spec, fixes));
  log(`ExcelJS re-save (baseline): ${fmt(resave.ms)} ms, ${fmt(resave.value.length / 1024)} KB`);

  const ratio = patchMs / resave.ms;
  return [
    {
      name: `${fmt(ROWS)} rows: pts fix's write, patch writer against ExcelJS re-save`,
      measured: `${fmt(ratio, 3)}× (${fmt(patchMs)} ms against ${fmt(resave.ms)} ms)`,
      target: `≤ ${TARGET_RATIO}×`,
      pass: ratio <= TARGET_RATIO,
    },
  ];
}

export const fixWriterBench: BenchModule = {
  name: 'fix-writer',
  description: `pts fix's write of the safe fixes into a ${fmt(ROWS)}-row 邀约明细: patch writer against the ExcelJS re-save`,
  run: runFixWriterBench,
};
