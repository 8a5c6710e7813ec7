import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { OutletAudit } from '#shared/api/audit-view';
import { useI18n } from '../i18n/I18nContext';
import { useServices } from './services';

export interface OutletAuditListProps {
  /** The outlets of a sub-branch audit (GET /audit?date=&subBranch=). */
  outlets: OutletAudit[];
  /** Accessible name of the list (one list per template block); default 各网点. */
  label?: string;
}

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalXS },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  name: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2, wordBreak: 'break-word' },
});

/** The outlets of a sub-branch audit as a narrow list: status, template versions used, rejected attempts and findings. */
export function OutletAuditList({ outlets, label }: OutletAuditListProps) {
  const styles = useStyles();
  const { language } = useI18n();
  const { registry } = useServices();
  const zh = language === 'zh';
  /** A template version as people name it: its title, not its id. */
  const versionName = (template: string | null | undefined, version: number | null | undefined): string => {
    const title = (template && (registry.find({ id: template, version: version ?? 0 }) ?? registry.current(template))?.title) || template || '?';
    return zh ? `${title}（第 ${version ?? '?'} 版）` : `${title} (version ${version ?? '?'})`;
  };
  return (
    <ul className={styles.list} aria-label={label ?? (zh ? '各网点' : 'Outlets')}>
      {outlets.map((o) => {
        const findings = [...o.versions.flatMap((v) => v.findings ?? []), ...o.rejectedAttempts.flatMap((r) => r.findings ?? [])].filter((f) => f.severity !== 'notice');
        return (
          <li key={o.outlet} className={styles.item}>
            <div className={styles.line}>
              <span className={styles.name}>{o.outletName}</span>
              <span>{o.outlet}</span>
              {!o.reported ? <Badge color="danger">{zh ? '未报送' : 'not reported'}</Badge> : null}
              {o.reported && o.onTime ? <Badge color="success">{zh ? '按时' : 'on time'}</Badge> : null}
              {o.late ? <Badge color="warning">{zh ? '迟报' : 'late'}</Badge> : null}
              {o.nonCompliant ? <Badge color="danger">{zh ? '不合规' : 'non-compliant'}</Badge> : null}
            </div>
            {o.versions.length > 0 ? (
              <p className={styles.detail}>
                {(zh ? '模板版本：' : 'Template versions: ') + o.versions.map((v) => versionName(v.template, v.templateVersion)).filter((v, i, all) => all.indexOf(v) === i).join(zh ? '，' : ', ')}
              </p>
            ) : null}
            {o.rejectedAttempts.length > 0 ? (
              <p className={styles.detail}>{zh ? `被拒 ${o.rejectedAttempts.length} 次` : `${o.rejectedAttempts.length} rejected attempts`}</p>
            ) : null}
            {findings.slice(0, 5).map((f, i) => (
              <p key={i} className={styles.detail}>
                {zh ? f.message_zh : f.message_en}
              </p>
            ))}
          </li>
        );
      })}
    </ul>
  );
}
