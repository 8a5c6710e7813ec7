/** GET /templates, GET /templates/{id}/{version}.xlsx, PUT /templates/{id}/{version}. */
import type { TemplateList } from '#shared/api/template-listing';
import { parseTemplateSpec } from '#shared/spec/parse-template-spec';
import { putTemplateVersion } from '../adapters/template-store';
import { requireRole, type Caller } from './caller';
import type { ServiceDeps } from './deps';
import { BadRequestError, VersionConflictError } from './errors';
import { loadRegistry } from './load-registry';

export async function listTemplates(deps: ServiceDeps): Promise<TemplateList> {
  const registry = await loadRegistry(deps);
  const ids = [...new Set(registry.all.map((s) => s.id))].sort();
  return {
    templates: ids.map((id) => {
      const current = registry.current(id);
      if (!current) throw new Error(`no current version of ${id}`);
      const versions = registry.all.filter((s) => s.id === id).map((s) => s.version).sort((a, b) => a - b);
      return { id, title: current.title, sheetName: current.sheetName, period: current.period, current: current.version, versions };
    }),
  };
}

/** `1`, `1.xlsx` → 1; anything else is a 400. */
export function parseVersion(text: string | undefined): number {
  const match = /^(\d{1,6})(\.xlsx)?$/.exec(text ?? '');
  if (!match || Number(match[1]) < 1) throw new BadRequestError('bad-version', `版本号无效：${text ?? ''}`, `invalid version: ${text ?? ''}`);
  return Number(match[1]);
}

/** Stores a new version checked by parseTemplateSpec; an existing version (built-in or stored) is 409. */
export async function putTemplate(deps: ServiceDeps, caller: Caller, id: string, version: number, body: unknown): Promise<{ id: string; version: number; current: number }> {
  requireRole(caller, 'auditor');
  let spec;
  try {
    spec = parseTemplateSpec(body);
  } catch (error) {
    throw new BadRequestError('invalid-template-spec', `模板定义无效：${(error as Error).message}`, `invalid template spec: ${(error as Error).message}`);
  }
  if (spec.id !== id || spec.version !== version) {
    throw new BadRequestError('template-path-mismatch', `路径 ${id}/${version} 与模板定义 ${spec.id}/${spec.version} 不一致`, `path ${id}/${version} differs from the spec's ${spec.id}/${spec.version}`);
  }
  const conflict = new VersionConflictError('template-version-exists', `模板 ${id} 版本 ${version} 已存在，不能覆盖`, `template ${id} version ${version} exists and cannot be overwritten`);
  if ((await loadRegistry(deps)).find({ id, version })) throw conflict;
  const stored = await putTemplateVersion(deps.table, spec, body, caller.sub, deps.now().toISOString());
  if (!stored) throw conflict;
  const current = (await loadRegistry(deps)).current(id)?.version ?? version;
  return { id, version, current };
}
