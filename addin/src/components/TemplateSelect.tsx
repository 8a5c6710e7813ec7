import { Field, Select } from '@fluentui/react-components';
import type { TemplateSpec } from '#shared/spec/schema';
import { useI18n } from '../i18n/I18nContext';

export interface TemplateSelectProps {
  /** The templates to choose from (current versions). */
  templates: readonly TemplateSpec[];
  /** The chosen template id. */
  value: string;
  onChange(templateId: string): void;
  disabled?: boolean;
}

/** The template picker of the outlet and manager panes: title and version of each template. */
export function TemplateSelect({ templates, value, onChange, disabled }: TemplateSelectProps) {
  const { t } = useI18n();
  return (
    <Field label={t('template')}>
      <Select value={value} onChange={(_, d) => onChange(d.value)} disabled={disabled}>
        {templates.map((s) => (
          <option key={s.id} value={s.id}>
            {t('templateOption', { title: s.title, version: s.version })}
          </option>
        ))}
      </Select>
    </Field>
  );
}
