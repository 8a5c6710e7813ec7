import { listStoredTemplates } from '../adapters/template-store';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { parseTemplateSpec } from '#shared/spec/parse-template-spec';
import { createTemplateRegistry, type TemplateRegistry } from '#shared/spec/template-registry';
import type { ServiceDeps } from './deps';

/** The template registry of the server: the built-in specs plus every stored version (highest version current). */
export async function loadRegistry(deps: ServiceDeps): Promise<TemplateRegistry> {
  const stored = await listStoredTemplates(deps.table, deps.now().getTime());
  const builtinKeys = new Set(builtinTemplates.map((s) => `${s.id}@${s.version}`));
  const storedSpecs = stored.specs.map((raw) => parseTemplateSpec(raw)).filter((s) => !builtinKeys.has(`${s.id}@${s.version}`));
  return createTemplateRegistry([...builtinTemplates, ...storedSpecs]);
}
