import { Field, Input } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import { MonthSelect } from './MonthSelect';

export interface ReportPeriodFieldProps {
  /** Monthly templates are reported by month, the others by day. */
  monthly: boolean;
  /** The report day, YYYY-MM-DD (the first of the month for monthly templates). */
  day: string;
  onChange(day: string): void;
  /** Today in Asia/Shanghai, YYYY-MM-DD. */
  today: string;
  disabled?: boolean;
}

/** The report's day, or its month for a monthly template. */
export function ReportPeriodField({ monthly, day, onChange, today, disabled }: ReportPeriodFieldProps) {
  const { t } = useI18n();
  if (monthly) {
    return <MonthSelect label={t('reportMonth')} value={day.slice(0, 7)} onChange={(month) => onChange(`${month}-01`)} today={today} disabled={disabled} />;
  }
  return (
    <Field label={t('reportDate')}>
      <Input type="date" value={day} onChange={(_, d) => onChange(d.value)} disabled={disabled} />
    </Field>
  );
}
