import { Field, Select } from '@fluentui/react-components';
import { monthLabel } from '../i18n/messages';
import { useI18n } from '../i18n/I18nContext';

export interface MonthSelectProps {
  label: string;
  /** The chosen month, YYYY-MM. */
  value: string;
  onChange(month: string): void;
  /** Today (YYYY-MM-DD, Asia/Shanghai): the months offered are counted from its month. */
  today: string;
  disabled?: boolean;
}

/** The months offered, newest first: the next month, this one and a year back, and the chosen one. */
export function monthsAround(today: string, chosen: string): string[] {
  const [year, month] = today.split('-').map(Number);
  const months = Array.from({ length: 14 }, (_, i) => {
    const index = year * 12 + (month - 1) + 1 - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
  return months.includes(chosen) ? months : [...months, chosen].sort().reverse();
}

/** A month picker for monthly templates (活动追踪): 2026年12月, December 2026. */
export function MonthSelect({ label, value, onChange, today, disabled }: MonthSelectProps) {
  const { language } = useI18n();
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, d) => onChange(d.value)} disabled={disabled}>
        {monthsAround(today, value).map((month) => (
          <option key={month} value={month}>
            {monthLabel(language, month)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
