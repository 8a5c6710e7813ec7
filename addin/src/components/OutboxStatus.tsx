import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';

export interface OutboxStatusProps {
  /** Submissions waiting in the outbox. */
  waiting: number;
  onRetry(): void;
  disabled?: boolean;
}

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** How many submissions wait for the network, with a button to send them now. */
export function OutboxStatus({ waiting, onRetry, disabled }: OutboxStatusProps) {
  const styles = useStyles();
  const { t } = useI18n();
  if (waiting === 0) return null;
  return (
    <div className={styles.row}>
      <span role="status">{t('outbox', { count: waiting })}</span>
      <Button size="small" onClick={onRetry} disabled={disabled}>
        {t('retryNow')}
      </Button>
    </div>
  );
}
