import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { AuditLine } from '#shared/api/audit-view';
import { useI18n } from '../i18n/I18nContext';

export interface AuditOverviewCardsProps {
  /** One line per sub-branch (one template block of GET /audit?date=). */
  lines: readonly (AuditLine & { due?: boolean })[];
  /** Accessible name of the list. */
  label: string;
}

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold },
  code: { color: tokens.colorNeutralForeground3 },
  counts: { display: 'flex', flexWrap: 'wrap', margin: 0, columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  count: { display: 'flex', gap: tokens.spacingHorizontalXXS, whiteSpace: 'nowrap' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

/**
 * The audit overview as one card per sub-branch: name and code, reported of expected, then the other counts
 * as short label–number pairs that wrap as whole pairs, so the pane stays readable at 320 px.
 */
export function AuditOverviewCards({ lines, label }: AuditOverviewCardsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <ul className={styles.list} aria-label={label}>
      {lines.map((line) => {
        const counts: [string, number][] = [
          [t('auditOnTime'), line.onTime],
          [t('auditLate'), line.late],
          [t('auditNonCompliant'), line.nonCompliant],
          [t('auditRejected'), line.rejectedAttempts],
        ];
        const complete = line.expected > 0 && line.reported === line.expected;
        return (
          <li key={line.subBranch} className={styles.card}>
            <div className={styles.head}>
              <span className={styles.name}>{line.name}</span>
              <span className={styles.code}>{line.subBranch}</span>
              <Badge appearance="tint" color={line.due === false ? 'informative' : complete ? 'success' : 'warning'}>
                {t('auditReported', { reported: line.reported, expected: line.expected })}
              </Badge>
            </div>
            <dl className={styles.counts}>
              {counts.map(([term, value]) => (
                <div key={term} className={styles.count}>
                  <dt className={styles.term}>{term}</dt>
                  <dd className={styles.value}>{value}</dd>
                </div>
              ))}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
