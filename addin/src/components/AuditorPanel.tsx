import { useEffect, useState } from 'react';
import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { AuditOverviewView, SubBranchAuditView, TemplateOverviewBlock, TemplateSubBranchBlock } from '#shared/api/audit-view';
import type { ApiClient } from '../api/api-client';
import { useI18n } from '../i18n/I18nContext';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';
import { AuditOverviewCards } from './AuditOverviewCards';
import { Notice, failureNotice, type NoticeMessage } from './Notice';
import { OutletAuditList } from './OutletAuditList';
import { TemplatePublisher } from './TemplatePublisher';
import { useServices } from './services';

export interface AuditorPanelProps {
  api: ApiClient;
}

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  blockHeading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  sub: { margin: 0, color: tokens.colorNeutralForeground3 },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  missing: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** What the pane shows of an audit answer: one block per template (an older server's answer becomes one untitled block). */
type AuditBlocks = { kind: 'overview'; date: string; blocks: TemplateOverviewBlock[] } | { kind: 'subBranch'; date: string; blocks: TemplateSubBranchBlock[] };

/** Reads GET /audit's answer (parsed by the API client): one sub-branch's outlets, or one line per sub-branch; a block per template. */
function toBlocks(answer: AuditOverviewView | SubBranchAuditView, date: string): AuditBlocks {
  return 'outlets' in answer ? { kind: 'subBranch', date, blocks: answer.templates } : { kind: 'overview', date, blocks: answer.templates };
}

export function AuditorPanel({ api }: AuditorPanelProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { now, registry } = useServices();
  // The templates to audit: the server's list (it knows versions published since this pane was built), else the pane's own.
  const [templates, setTemplates] = useState<{ id: string; title: string; version: number }[]>(() =>
    registry.all.filter((s) => registry.current(s.id) === s).map((s) => ({ id: s.id, title: s.title, version: s.version })),
  );
  useEffect(() => {
    let live = true;
    void api.getTemplates().then((answer) => {
      const listed = answer.ok ? answer.value.templates : [];
      if (live && listed.length > 0) setTemplates(listed.map((t) => ({ id: t.id, title: t.title, version: t.current })));
    });
    return () => {
      live = false;
    };
  }, [api]);
  const [date, setDate] = useState(() => isoDateInTimeZone(now(), CAMPAIGN_TIME_ZONE));
  const [template, setTemplate] = useState('');
  const [subBranch, setSubBranch] = useState('');
  const [audit, setAudit] = useState<AuditBlocks | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  async function load(one?: string) {
    setBusy(true);
    setNotice(null);
    try {
      const result = await api.getAudit(date, one, template || undefined);
      if (!result.ok) {
        setAudit(null);
        return setNotice(failureNotice(result));
      }
      setAudit(toBlocks(result.value, date));
    } finally {
      setBusy(false);
    }
  }

  function blockTitle(block: Omit<TemplateOverviewBlock, 'subBranches'>): { title: string; sub: string } {
    if (!block.template) return { title: t('auditOverview'), sub: block.period };
    return {
      title: `${block.title}（v${block.version}）`,
      sub: t(block.due ? 'templateDueOn' : 'templateNotDue', { period: block.period, dueDay: block.dueDay }),
    };
  }

  return (
    <div className={styles.panel}>
      <Field label={t('auditDate')}>
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} disabled={busy} />
      </Field>
      <Field label={t('auditTemplate')}>
        <Select value={template} onChange={(_, d) => setTemplate(d.value)} disabled={busy}>
          <option value="">{t('allDueTemplates')}</option>
          {templates.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}（v{s.version}）
            </option>
          ))}
        </Select>
      </Field>
      <Button appearance="primary" onClick={() => void load()} disabled={busy}>
        {t('auditOverview')}
      </Button>
      <Field label={t('subBranchCode')}>
        <Input value={subBranch} onChange={(_, d) => setSubBranch(d.value)} disabled={busy} />
      </Field>
      <Button onClick={() => void load(subBranch)} disabled={busy || !subBranch}>
        {t('auditSubBranch')}
      </Button>
      <Notice notice={notice} />
      {audit && audit.blocks.length === 0 ? <p className={styles.sub}>{t('noTemplateDue', { date: audit.date })}</p> : null}
      {audit?.kind === 'overview'
        ? audit.blocks.map((block) => {
            const { title, sub } = blockTitle(block);
            return (
              <section key={block.template || 'all'} className={styles.block} aria-label={title}>
                <h2 className={styles.blockHeading}>{title}</h2>
                <p className={styles.sub}>{sub}</p>
                <AuditOverviewCards lines={block.subBranches} label={`${t('subBranchLines')} · ${block.title || title}`} />
              </section>
            );
          })
        : null}
      {audit?.kind === 'subBranch'
        ? audit.blocks.map((block) => {
            const { title, sub } = blockTitle(block);
            const missing = block.outlets.filter((o) => !o.reported);
            return (
              <section key={block.template || 'all'} className={styles.block} aria-label={title}>
                <h2 className={styles.blockHeading}>{title}</h2>
                <p className={styles.sub}>{sub}</p>
                <section aria-label={`${t('missingOutlets')} · ${block.title || title}`}>
                  <h3 className={styles.blockHeading}>{t('missingOutlets')}</h3>
                  {missing.length === 0 ? (
                    <p>{t('noneMissing')}</p>
                  ) : (
                    <ul className={styles.missing}>
                      {missing.map((m) => (
                        <li key={m.outlet}>
                          {m.outletName} {m.outlet}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
                <OutletAuditList outlets={block.outlets} label={`${t('outletAudit')} · ${block.title || title}`} />
              </section>
            );
          })
        : null}
      <TemplatePublisher api={api} />
    </div>
  );
}
