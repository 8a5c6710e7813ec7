import { Field, ProgressBar } from '@fluentui/react-components';
import { SUBMIT_STEPS } from '../actions/submit-sheet';
import { useI18n } from '../i18n/I18nContext';

export interface SubmitProgressProps {
  /** The index in SUBMIT_STEPS of the step under way; null when no submission is. */
  step: number | null;
}

/** Where a submission is: reading, checking, uploading, looking up the rank. */
export function SubmitProgress({ step }: SubmitProgressProps) {
  const { t } = useI18n();
  if (step === null) return null;
  const name = t(SUBMIT_STEPS[step]);
  return (
    <Field label={`${t('submitting')} ${name}`} validationState="none">
      <ProgressBar value={(step + 1) / SUBMIT_STEPS.length} aria-label={name} />
    </Field>
  );
}
