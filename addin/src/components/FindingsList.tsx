import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '#shared/findings/types';
import { useI18n } from '../i18n/I18nContext';

export interface FindingsListProps {
  findings: Finding[];
  /** Selects the finding's cell in the workbook. */
  onSelect(address: string): void;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
const BADGE_COLOR = { error: 'danger', warning: 'warning', notice: 'informative' } as const;

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  group: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalXS },
  groupTitle: { fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300 },
  items: { listStyleType: 'none', margin: 0, padding: 0 },
  finding: { justifyContent: 'flex-start', textAlign: 'left', width: '100%', minWidth: 0, height: 'auto', gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightRegular },
  text: { whiteSpace: 'normal', wordBreak: 'break-word' },
  badge: { flexShrink: 0 },
  sheetFinding: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  counts: { margin: 0 },
});

/** Groups findings by row (sheet-level first), each row's findings by severity. */
export function groupFindings(findings: Finding[]): { row: number | null; findings: Finding[] }[] {
  const groups = new Map<number | null, Finding[]>();
  for (const f of findings) {
    const row = f.row ?? null;
    groups.set(row, [...(groups.get(row) ?? []), f]);
  }
  return [...groups]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a - b))
    .map(([row, list]) => ({ row, findings: [...list].sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]) }));
}

/** The message, led by the cell when the message does not name it already. */
function messageAt(finding: Finding, message: string): string {
  const cell = `${finding.column ?? ''}${finding.row ?? ''}`;
  return message.includes(cell) ? message : `${cell} ${message}`;
}

export function FindingsList({ findings, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  if (findings.length === 0) return <p>{t('noFindings')}</p>;
  return (
    <section aria-label={t('findings')}>
      <p className={styles.counts} role="status">
        {t('summaryCounts', { errors: count('error'), warnings: count('warning'), notices: count('notice') })}
      </p>
      <ul className={styles.list}>
        {groupFindings(findings).map((group) => (
          <li key={group.row ?? 'sheet'} className={styles.group}>
            <h3 className={styles.groupTitle}>{group.row === null ? t('sheetLevel') : t('row', { row: group.row })}</h3>
            <ul className={styles.items}>
              {group.findings.map((f, i) => (
                <li key={`${f.address}-${f.code}-${i}`}>
                  {f.row !== undefined && f.column !== undefined ? (
                    <Button appearance="subtle" className={styles.finding} onClick={() => onSelect(f.address)}>
                      <Badge appearance="filled" color={BADGE_COLOR[f.severity]} className={styles.badge}>
                        {t(`severity_${f.severity}`)}
                      </Badge>
                      <span className={styles.text}>
                        {messageAt(f, language === 'zh' ? f.message_zh : f.message_en)}
                      </span>
                    </Button>
                  ) : (
                    <div className={styles.sheetFinding}>
                      <Badge appearance="filled" color={BADGE_COLOR[f.severity]} className={styles.badge}>
                        {t(`severity_${f.severity}`)}
                      </Badge>
                      <span className={styles.text}>{language === 'zh' ? f.message_zh : f.message_en}</span>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
