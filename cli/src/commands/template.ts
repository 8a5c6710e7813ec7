import { writeTemplateWorkbook } from '#shared/xlsx/write-template-workbook';
import { CliError, EXIT_OK } from '../cli-error';
import { templateRegistry } from '../check-file';
import { writeOutputFile, type CliOutput } from '../io';
import { parseCommandArgs, requireOption } from '../parse-command-args';

/** `pts template ID [--version N] --out FILE.xlsx` */
export async function runTemplate(args: string[], output: CliOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs('template', args, { version: { type: 'string' }, out: { type: 'string', short: 'o' } });
  const known = [...new Set(templateRegistry.all.map((s) => s.id))].join(', ');
  const id = positionals[0];
  if (!id || positionals.length > 1) throw new CliError(`请给出一个模板 ID（${known}）`, `give one template ID (${known})`);
  const out = requireOption('template', 'out', values.out);
  let spec = templateRegistry.current(id);
  if (!spec) throw new CliError(`未知模板 ${id}（已知：${known}）`, `unknown template ${id} (known: ${known})`);
  if (values.version !== undefined) {
    const version = Number(values.version);
    const versions = templateRegistry.all.filter((s) => s.id === id).map((s) => s.version).join(', ');
    spec = Number.isInteger(version) ? templateRegistry.find({ id, version }) : undefined;
    if (!spec) throw new CliError(`模板 ${id} 没有版本 ${values.version}（已有：${versions}）`, `template ${id} has no version ${values.version} (known: ${versions})`);
  }
  await writeOutputFile(out, await writeTemplateWorkbook(spec));
  output.out(`已写入 ${out}：${spec.title}（${spec.id} 版本 ${spec.version}）/ wrote ${out}: ${spec.id} version ${spec.version}`);
  return EXIT_OK;
}
