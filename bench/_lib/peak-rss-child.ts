/**
 * Run as its own process by the validation benchmark: reads one .xlsx file, validates it and prints
 * {"rows", "findings", "maxRssBytes"} so the peak RSS covers reading and validating only.
 */
import { readFileSync } from 'node:fs';
import { validateWorkbook } from '#shared/validation/validate-workbook';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { benchOrganisation, BENCH_AS_OF } from './bench-organisation';
import { UNCAPPED_READ_LIMITS, uncappedRegistry } from './uncapped';

async function measure(file: string): Promise<void> {
  const workbook = await readWorkbook(readFileSync(file), UNCAPPED_READ_LIMITS);
  const validation = validateWorkbook(workbook, uncappedRegistry, { asOf: BENCH_AS_OF, organisation: benchOrganisation });
  // resourceUsage().maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({ rows: validation.rows.length, findings: validation.findings.length, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
}

measure(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exitCode = 1;
});
