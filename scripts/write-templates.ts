/**
 * `npm run templates [-- --out DIR]`: writes the built-in templates (current versions) as .xlsx files,
 * named `<id>.v<version>.xlsx`, into DIR (default templates-out/).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { writeTemplateWorkbook } from '#shared/xlsx/write-template-workbook';

async function writeTemplates(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'templates-out' } } });
  const dir = values.out ?? 'templates-out';
  await mkdir(dir, { recursive: true });
  for (const spec of builtinTemplates) {
    const file = join(dir, `${spec.id}.v${spec.version}.xlsx`);
    await writeFile(file, await writeTemplateWorkbook(spec));
    process.stdout.write(`${file}  ${spec.title}（${spec.sheetName}）\n`);
  }
}

writeTemplates().catch((error: unknown) => {
  process.stderr.write(`npm run templates: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
