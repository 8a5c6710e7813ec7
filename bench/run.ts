/**
 * `npm run bench [-- --only NAME] [-- --rows 1000,10000]`: runs the benchmark modules and prints, for
 * each, its measurements and its targets with PASS/FAIL; exits 1 when a target is missed.
 */
import { parseArgs } from 'node:util';
import type { BenchCheck, BenchModule } from './bench-module';
import { validationBench } from './validation.bench';
import { bundlesBench } from './bundles.bench';
import { functionsBench } from './functions.bench';
import { zipBombBench } from './zip-bomb.bench';
import { fixWriterBench } from './fix-writer.bench';
import { xlsxReadBench } from './xlsx-read.bench';

/**
 * The benchmark modules, run in this order. To add one: write `bench/<topic>.bench.ts` exporting a
 * BenchModule (see bench/bench-module.ts), import it above and append it here.
 */
const BENCH_MODULES: readonly BenchModule[] = [
  validationBench,
  bundlesBench,
  functionsBench,
  zipBombBench,
  fixWriterBench,
  xlsxReadBench,
  // a new benchmark: add its module here (each reports its figures and the baseline measured in the same run)
];

async function runBenchmarks(): Promise<number> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, rows: { type: 'string' } } });
  const rows = values.rows?.split(',').map((r) => Number(r.replace(/[_,]/g, ''))).filter((r) => Number.isInteger(r) && r > 0);
  const modules = BENCH_MODULES.filter((m) => !values.only || m.name === values.only);
  if (modules.length === 0) {
    process.stderr.write(`no bench module named ${values.only}; known: ${BENCH_MODULES.map((m) => m.name).join(', ')}\n`);
    return 2;
  }
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`node ${process.version}, ${process.platform}/${process.arch}`);
  const checks: BenchCheck[] = [];
  for (const module of modules) {
    log(`\n== ${module.name}: ${module.description} ==`);
    checks.push(...(await module.run({ rows, log })));
  }
  log('\n== targets ==');
  const width = Math.max(...checks.map((c) => c.name.length));
  for (const check of checks) {
    log(`${check.pass ? 'PASS' : 'FAIL'}  ${check.name.padEnd(width)}  ${check.measured}  (target ${check.target})`);
  }
  const failed = checks.filter((c) => !c.pass).length;
  log(`\n${checks.length - failed} of ${checks.length} targets met`);
  return failed > 0 ? 1 : 0;
}

runBenchmarks().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
