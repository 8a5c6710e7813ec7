/**
 * What `pts validate FILE` does, as its own process, without the 5,000-row cap of a submission: read
 * the file, read the workbook, validate it, print each finding as the CLI does. The whole-process
 * benchmark (bench/xlsx-read.bench.ts) bundles this with esbuild, as the CLI is, and times `node` on it.
 */
import { readFileSync } from 'node:fs';
import { findingWidth, formatFindingCounts, formatFindingLines } from '#cli/format';
import { validateWorkbook } from '#shared/validation/validate-workbook';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { BENCH_AS_OF, benchOrganisation } from './bench-organisation';
import { UNCAPPED_READ_LIMITS, uncappedRegistry } from './uncapped';

async function validateFile(file: string): Promise<void> {
  const workbook = await readWorkbook(new Uint8Array(readFileSync(file)), UNCAPPED_READ_LIMITS);
  const validation = validateWorkbook(workbook, uncappedRegistry, { asOf: BENCH_AS_OF, organisation: benchOrganisation });
  const lines: string[] = [];
  for (const finding of validation.findings) lines.push(...formatFindingLines(file, finding, findingWidth()));
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stderr.write(`${file}：${formatFindingCounts(validation.findings)}\n`);
  // resourceUsage().maxRSS is in kilobytes.
  process.stderr.write(`${JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
}

validateFile(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exitCode = 2;
});
