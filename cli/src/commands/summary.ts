import type { RankingKind, TemplateSpec } from '#shared/spec/schema';
import { addRejectedFiles, summariseSubmissions, type RejectedFileEntry, type SubmissionRows } from '#shared/summary';
import { writeSummaryWorkbook } from '#shared/xlsx/write-summary-workbook';
import { CliError, EXIT_OK, EXIT_SHEET_ERRORS, EXIT_UNUSABLE } from '../cli-error';
import { checkFile, type CheckedFile } from '../check-file';
import { formatSummaryTable } from '../format';
import { parseDay, readOrganisation, startProgress, writeOutputFile, type CliOutput } from '../io';
import { parseCommandArgs, requireOption } from '../parse-command-args';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';
import { headerValueOfRole } from '#shared/spec/header-value-of-role';

/** `pts summary FILES... --org ORG [--from D --to D] [--dense] [--json] [--out FILE.xlsx] [--as-of DATE]` */
export async function runSummary(args: string[], output: CliOutput, now: Date): Promise<number> {
  const { values, positionals: files } = parseCommandArgs('summary', args, {
    org: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    dense: { type: 'boolean' },
    json: { type: 'boolean' },
    out: { type: 'string', short: 'o' },
    'as-of': { type: 'string' },
  });
  if (files.length === 0) throw new CliError('请至少给出一个 .xlsx 文件', 'give at least one .xlsx file');
  const organisation = await readOrganisation(requireOption('summary', 'org', values.org));
  const asOf = values['as-of'] !== undefined ? parseDay('--as-of', values['as-of']) : isoDateInTimeZone(now, CAMPAIGN_TIME_ZONE);
  const ranking: RankingKind | undefined = values.dense ? 'dense' : undefined;

  const progress = startProgress(output);
  let exitCode = EXIT_OK;
  let spec: TemplateSpec | undefined;
  /** One submission per unit and period: a later file for the same outlet and day replaces the earlier one. */
  const submissions = new Map<string, SubmissionRows & { file: string }>();
  /** Files whose sheets have errors: listed as 有错误 with their error count, not as 未报送. */
  const rejected: RejectedFileEntry[] = [];
  for (const [index, file] of files.entries()) {
    progress.step(`${index + 1}/${files.length} ${file}`);
    let checked: CheckedFile;
    try {
      checked = await checkFile(file, { asOf, organisation });
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      output.err(`${error.message}；未计入汇总 / left out of the summary`);
      exitCode = EXIT_UNUSABLE;
      continue;
    }
    const { validation } = checked;
    spec ??= validation.spec;
    if (validation.spec.id !== spec.id) {
      output.err(`${file}：模板 ${validation.spec.id} 与 ${spec.id} 不同，未计入汇总 / template ${validation.spec.id} is not ${spec.id}, left out of the summary`);
      exitCode = EXIT_UNUSABLE;
      continue;
    }
    const unit = validation.unitCode ?? headerValueOfRole(validation.spec, validation.header, 'unit');
    const period = headerValueOfRole(validation.spec, validation.header, 'period');
    if (validation.hasErrors) {
      const errors = validation.findings.filter((f) => f.severity === 'error').length;
      output.err(`${file}：有 ${errors} 处错误，列为“有错误”，不计入排名（pts validate 查看）/ ${errors} error(s): listed as 有错误, left out of the ranking (see pts validate)`);
      rejected.push({ unit: unit ?? null, period: period ?? null, file, errors });
      exitCode = Math.max(exitCode, EXIT_SHEET_ERRORS);
      continue;
    }
    if (!unit || !period) {
      output.err(`${file}：缺少网点或期间，未计入汇总 / no unit or period in the header, left out of the summary`);
      exitCode = Math.max(exitCode, EXIT_SHEET_ERRORS);
      continue;
    }
    const earlier = submissions.get(`${unit}|${period}`);
    if (earlier) {
      output.err(`${file}：与 ${earlier.file} 是同一单位（${unit}）同一期间（${period}）的报表，以本文件为准 / same unit and period as ${earlier.file}; this later file replaces it`);
    }
    submissions.set(`${unit}|${period}`, { unit, period, rows: validation.rows, file });
  }
  if (!spec) {
    progress.done();
    throw new CliError('没有可汇总的文件', 'no file could be summarised');
  }

  const periods = [...[...submissions.values()].map((s) => s.period), ...rejected.flatMap((r) => (r.period === null ? [] : [r.period]))].sort();
  const from = values.from ?? periods[0] ?? values.to ?? asOf;
  const to = values.to ?? (values.from !== undefined ? values.from : periods[periods.length - 1] ?? from);
  const summary = addRejectedFiles(summariseSubmissions(spec, organisation, [...submissions.values()], { from, to, ranking }), organisation, rejected);

  if (values.out !== undefined) {
    progress.step(`写入 / writing ${values.out}`);
    const rows = [...submissions.values()].map((s) => ({ unit: unitCodeOf(summary, s.unit), rows: s.rows }));
    await writeOutputFile(values.out, await writeSummaryWorkbook(spec, summary, rows));
  }
  progress.done();

  output.out(values.json ? JSON.stringify(summary, null, 2) : formatSummaryTable(spec, summary));
  if (values.out !== undefined) output.err(`已写入 ${values.out} / wrote ${values.out}`);
  return exitCode;
}

/** The code the summary lists a unit under (a submission may name its outlet by name). */
function unitCodeOf(summary: { outlets: { outlet: string; outletName: string }[] }, unit: string): string {
  return summary.outlets.find((line) => line.outlet === unit || line.outletName === unit)?.outlet ?? unit;
}
