import type { HeaderField, TemplateSpec } from './schema';

export type HeaderRole = HeaderField['role'];

/**
 * The text of the header value that plays `role` (支行, 网点, 填报日期 or 填报月份, 填报人) in a sheet's
 * typed header (keyed by header field key, as validateSheet returns it), or null when the template has
 * no such field or the value is empty. Text is trimmed; a number is written out (a unit code typed as 3301001).
 */
export function headerValueOfRole(spec: Pick<TemplateSpec, 'headerFields'>, header: Readonly<Record<string, unknown>>, role: HeaderRole): string | null {
  const field = spec.headerFields.find((f) => f.role === role);
  const value = field ? header[field.key] : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}
