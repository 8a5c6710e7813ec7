import { useState } from 'react';
import { Button, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { OutletAudit } from '../../../shared/src/api/audit-view';
import { parseTemplateSpec } from '../../../shared/src/spec/parse-template-spec';
import type { ApiClient } from '../api/api-client';
import { bothLanguages } from '../i18n/messages';
import { useI18n } from '../i18n/I18nContext';
import { shanghaiDay } from '../sheets/excel-dates';
import { Notice, failureNotice, type NoticeMessage } from './Notice';
import { OutletAuditList } from './OutletAuditList';
import { RecordTable } from './RecordTable';
import { useServices } from './services';

export interface AuditorPanelProps {
  api: ApiClient;
}

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  missing: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Names of the arrays of an audit answer, shown as captions. */
const SECTION_LABELS: Record<string, string> = {
  subBranches: '各支行',
  lines: '各支行',
  outlets: '各网点',
  late: '迟报',
  nonCompliant: '不合规报送',
  rejected: '被拒的提交',
  versions: '使用的模板版本',
};

function isRecordArray(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
}

function isOutletAudits(value: unknown): value is OutletAudit[] {
  return isRecordArray(value) && value.every((o) => typeof o.reported === 'boolean' && Array.isArray(o.versions) && Array.isArray(o.rejectedAttempts));
}

function missingOf(audit: Record<string, unknown>): { outlet?: string; outletName?: string }[] | null {
  // A sub-branch audit lists every outlet with `reported`; those not reported are the missing ones.
  if (isRecordArray(audit.outlets) && audit.outlets.every((o) => typeof o.reported === 'boolean')) {
    return audit.outlets.filter((o) => o.reported === false) as { outlet?: string; outletName?: string }[];
  }
  const list = audit.missing ?? audit.missingOutlets;
  if (!Array.isArray(list)) return null;
  return list.map((m) => (typeof m === 'string' ? { outlet: m } : (m as { outlet?: string; outletName?: string })));
}

export function AuditorPanel({ api }: AuditorPanelProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { now } = useServices();
  const [date, setDate] = useState(() => shanghaiDay(now()));
  const [subBranch, setSubBranch] = useState('');
  const [audit, setAudit] = useState<Record<string, unknown> | null>(null);
  const [specText, setSpecText] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  async function load(one?: string) {
    setBusy(true);
    setNotice(null);
    try {
      const result = await api.getAudit(date, one);
      if (!result.ok) {
        setAudit(null);
        return setNotice(failureNotice(result));
      }
      setAudit(result.value ?? {});
    } finally {
      setBusy(false);
    }
  }

  async function publish() {
    setNotice(null);
    let raw: unknown;
    try {
      raw = JSON.parse(specText);
      parseTemplateSpec(raw);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return setNotice({ intent: 'error', message_zh: '模板定义无效', message_en: 'The template spec is not valid', detail });
    }
    const { id, version } = raw as { id: string; version: number };
    setBusy(true);
    try {
      const result = await api.putTemplate(id, version, raw);
      setNotice(result.ok ? { intent: 'success', ...bothLanguages('published', { id, version }) } : failureNotice(result));
    } finally {
      setBusy(false);
    }
  }

  const missing = audit ? missingOf(audit) : null;
  return (
    <div className={styles.panel}>
      <Field label={t('auditDate')}>
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} disabled={busy} />
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
      {missing ? (
        <section aria-label={t('missingOutlets')}>
          <h2 className={styles.heading}>{t('missingOutlets')}</h2>
          {missing.length === 0 ? (
            <p>{t('noneMissing')}</p>
          ) : (
            <ul className={styles.missing}>
              {missing.map((m) => (
                <li key={m.outlet ?? m.outletName}>
                  {m.outletName ?? ''} {m.outlet ?? ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {audit && isOutletAudits(audit.outlets) ? (
        <section aria-label={t('outletAudit')}>
          <h2 className={styles.heading}>{t('outletAudit')}</h2>
          <OutletAuditList outlets={audit.outlets} />
        </section>
      ) : null}
      {audit
        ? Object.entries(audit)
            .filter(([key, value]) => key !== 'missing' && key !== 'missingOutlets' && !(key === 'outlets' && isOutletAudits(value)) && isRecordArray(value) && value.length > 0)
            .map(([key, value]) => <RecordTable key={key} caption={SECTION_LABELS[key] ?? key} records={value as Record<string, unknown>[]} />)
        : null}
      <h2 className={styles.heading}>{t('publishTemplate')}</h2>
      <Field label={t('templateJson')}>
        <Textarea value={specText} onChange={(_, d) => setSpecText(d.value)} resize="vertical" rows={6} disabled={busy} />
      </Field>
      <Button onClick={() => void publish()} disabled={busy || specText.trim() === ''}>
        {t('publish')}
      </Button>
    </div>
  );
}
