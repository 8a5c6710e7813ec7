import { BilingualError } from '../errors/bilingual-error';
import { templateSpecSchema, type TemplateSpec } from './schema';

/** Error thrown when a template spec file does not follow the spec format. */
export class TemplateSpecError extends BilingualError<'template-spec-error'> {
  constructor(messageZh: string, messageEn: string) {
    super('template-spec-error', messageZh, messageEn);
    this.name = 'TemplateSpecError';
  }
}

/** Checks raw data (a parsed spec file) against the spec format and returns the spec with defaults applied. */
export function parseTemplateSpec(raw: unknown): TemplateSpec {
  const result = templateSpecSchema().safeParse(raw);
  if (!result.success) {
    const where = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : '?';
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new TemplateSpecError('模板定义无效', `invalid template spec ${where}: ${detail}`);
  }
  return result.data;
}
