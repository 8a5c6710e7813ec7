/** GET /templates/{id}/{version}.xlsx (kept apart so GET /templates does not bundle ExcelJS). */
import { writeTemplateWorkbook } from '#shared/xlsx/write-template-workbook';
import type { ServiceDeps } from './deps';
import { NotFoundError } from './errors';
import { loadRegistry } from './load-registry';

export async function getTemplateWorkbook(deps: ServiceDeps, id: string, version: number): Promise<Uint8Array> {
  const spec = (await loadRegistry(deps)).find({ id, version });
  if (!spec) throw new NotFoundError(`没有模板 ${id} 版本 ${version}`, `no template ${id} version ${version}`);
  return writeTemplateWorkbook(spec);
}
