import type { Organisation } from '#shared/org/schema';
import { EXIT_OK, EXIT_SHEET_ERRORS, CliError } from '../cli-error';
import { checkFile } from '../check-file';
import { findingWidth, formatFindingCounts, formatFindingLines } from '../format';
import { parseDay, readOrganisation, startProgress, type CliOutput } from '../io';
import { parseCommandArgs } from '../parse-command-args';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';

/** `pts validate FILE.xlsx [--org ORG] [--as-of DATE] [--json]` */
export async function runValidate(args: string[], output: CliOutput, now: Date): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, {
    org: { type: 'string' },
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new CliError('请给出一个 .xlsx 文件', 'give one .xlsx file');
  const file = positionals[0];
  const asOf = values['as-of'] !== undefined ? parseDay('--as-of', values['as-of']) : isoDateInTimeZone(now, CAMPAIGN_TIME_ZONE);
  const organisation: Organisation | undefined = values.org !== undefined ? await readOrganisation(values.org) : undefined;

  const progress = startProgress(output);
  const { validation } = await checkFile(file, { asOf, organisation, progress });
  progress.done();

  if (values.json) {
    output.out(JSON.stringify({ file, template: validation.template, findings: validation.findings }, null, 2));
  } else {
    for (const finding of validation.findings) for (const line of formatFindingLines(file, finding, findingWidth())) output.out(line);
    output.err(`${file}：${formatFindingCounts(validation.findings)}`);
  }
  return validation.hasErrors ? EXIT_SHEET_ERRORS : EXIT_OK;
}
