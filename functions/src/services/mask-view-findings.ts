/**
 * Masks the phone numbers of every finding inside a read view (GET /audit's versions and rejected attempts,
 * whatever blocks hold them), each with the spec of the template its nearest enclosing object names.
 */
import type { Finding } from '#shared/findings/types';
import { maskFindingPhones } from '#shared/security/mask-finding-phones';
import type { TemplateSpec } from '#shared/spec/schema';
import type { TemplateRegistry } from '#shared/spec/template-registry';

interface TemplateContext {
  id?: string;
  version?: number;
}

function isFinding(value: unknown): value is Finding {
  const f = value as Partial<Finding> | null;
  return typeof f === 'object' && f !== null && typeof f.code === 'string' && typeof f.address === 'string' && typeof f.message_zh === 'string';
}

function specOf(registry: TemplateRegistry, context: TemplateContext): TemplateSpec | undefined {
  if (!context.id) return undefined;
  return (context.version !== undefined ? registry.find({ id: context.id, version: context.version }) : undefined) ?? registry.current(context.id);
}

function walk(value: unknown, registry: TemplateRegistry, context: TemplateContext): unknown {
  if (Array.isArray(value)) return value.map((item) => walk(item, registry, context));
  if (typeof value !== 'object' || value === null) return value;
  if (isFinding(value)) return maskFindingPhones(value, specOf(registry, context));
  const record = value as Record<string, unknown>;
  const inner: TemplateContext = {
    id: typeof record.template === 'string' ? record.template : context.id,
    version: typeof record.templateVersion === 'number' ? record.templateVersion : typeof record.template === 'string' ? undefined : context.version,
  };
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, walk(item, registry, inner)]));
}

/** A copy of `view` whose findings (at any depth) are masked as anyone but the sheet's own outlet head sees them. */
export function maskViewFindings<T>(view: T, registry: TemplateRegistry): T {
  return walk(view, registry, {}) as T;
}
