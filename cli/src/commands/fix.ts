import type { Organisation } from '#shared/org/schema';
import { applySafeFixes } from '#shared/validation/apply-safe-fixes';
import { validateWorkbook } from '#shared/validation/validate-workbook';
import { writeFixesToWorkbook } from '#shared/xlsx/patch/write-fixes-to-workbook';
import { readLimitsFor } from '#shared/xlsx/workbook-limits';
import { CliError, EXIT_OK, EXIT_SHEET_ERRORS } from '../cli-error';
import { checkFile, readWorkbookFile, templateRegistry } from '../check-file';
import { findingWidth, formatFindingCounts, formatFindingLines } from '../format';
import { parseDay, readOrganisation, startProgress, writeOutputFile, type CliOutput } from '../io';
import { parseCommandArgs, requireOption } from '../parse-command-args';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';

/** `pts fix FILE.xlsx --out FIXED.xlsx [--org ORG] [--as-of DATE]` */
export async function runFix(args: string[], output: CliOutput, now: Date): Promise<number> {
  const { values, positionals } = parseCommandArgs('fix', args, {
    out: { type: 'string', short: 'o' },
    org: { type: 'string' },
    'as-of': { type: 'string' },
  });
  if (positionals.length !== 1) throw new CliError('请给出一个 .xlsx 文件', 'give one .xlsx file');
  const file = positionals[0];
  const out = requireOption('fix', 'out', values.out);
  const asOf = values['as-of'] !== undefined ? parseDay('--as-of', values['as-of']) : isoDateInTimeZone(now, CAMPAIGN_TIME_ZONE);
  const organisation: Organisation | undefined = values.org !== undefined ? await readOrganisation(values.org) : undefined;

  const progress = startProgress(output);
  const checked = await checkFile(file, { asOf, organisation, progress });
  const applied = checked.workbook.sheets.flatMap((sheet) => applySafeFixes(sheet, checked.validation.findings).applied);

  progress.step(`写入修正 / writing fixes to ${out}`);
  const fixedBytes = await writeFixesToWorkbook(checked.bytes, checked.validation.spec, applied, readLimitsFor(templateRegistry.all));
  await writeOutputFile(out, fixedBytes);
  const recheck = validateWorkbook(await readWorkbookFile(out, fixedBytes), templateRegistry, { asOf, organisation });
  progress.done();

  for (const finding of applied) output.out(`${out} ${finding.address} fixed ${String(finding.value)} -> ${String(finding.fix)}`);
  output.out(`已应用 ${applied.length} 处安全修正，写入 ${out} / applied ${applied.length} safe fix(es), wrote ${out}`);
  for (const finding of recheck.findings.filter((f) => f.severity === 'error')) for (const line of formatFindingLines(out, finding, findingWidth())) output.err(line);
  output.err(`${out}：${formatFindingCounts(recheck.findings)}`);
  return recheck.hasErrors ? EXIT_SHEET_ERRORS : EXIT_OK;
}
