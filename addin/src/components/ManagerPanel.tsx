import { useState } from 'react';
import { Button, Field, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client';
import type { SignedInUser } from '../api/types';
import { bothLanguages } from '../i18n/messages';
import { useI18n } from '../i18n/I18nContext';
import { checkPeriodRange } from '#shared/period/check-period-range';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';
import { planConsolidatedWorkbook } from '#shared/summary-sheet/plan-consolidated-workbook';
import { Notice, failureNotice, type NoticeMessage } from './Notice';
import { MonthSelect } from './MonthSelect';
import { TemplateSelect } from './TemplateSelect';
import { useServices } from './services';

export interface ManagerPanelProps {
  user: SignedInUser;
  api: ApiClient;
}

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function ManagerPanel({ user, api }: ManagerPanelProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { host, registry, now, onSummaryPulled } = useServices();
  const templates = registry.all.filter((s) => registry.current(s.id) === s);
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  const [mode, setMode] = useState<'day' | 'range'>('day');
  const today = isoDateInTimeZone(now(), CAMPAIGN_TIME_ZONE);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [subBranch, setSubBranch] = useState(user.subBranch ?? '');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const monthly = registry.current(templateId)?.period === 'month';

  async function pull() {
    const spec = registry.current(templateId);
    if (!spec || !subBranch) return;
    setBusy(true);
    setNotice(null);
    try {
      const month = (d: string) => (spec.period === 'month' ? d.slice(0, 7) : d);
      const last = mode === 'day' ? from : to;
      // The range rule of contract.md, checked here before the server is asked (the same words the server uses).
      const badRange = checkPeriodRange(spec.period === 'month' ? 'month' : 'day', month(from), month(last));
      if (badRange) return setNotice({ intent: 'error', message_zh: badRange.message_zh, message_en: badRange.message_en });
      const query = { template: spec.id, subBranch, from: month(from), to: month(last) };
      const summary = await api.getConsolidated({ ...query, rows: true });
      if (!summary.ok) return setNotice(failureNotice(summary));
      const plan = planConsolidatedWorkbook(spec, summary.value);
      const written = await host.writeSummarySheets(plan);
      if (!written.ok) return setNotice(failureNotice(written));
      onSummaryPulled?.(query, plan);
      // The counts come from the plan's own lines, so the message says what the sheet shows.
      const { ranked, missing, warned } = plan.counts;
      setNotice({ intent: 'success', ...bothLanguages('summaryWritten', { sheet: written.value.sheetName, ranked, missing, warned }) });
    } catch (error) {
      // A throw from the workbook host or an answer that cannot be planned must not leave the button dead and the pane silent.
      setNotice({ intent: 'error', ...bothLanguages('error'), detail: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.panel}>
      <TemplateSelect templates={templates} value={templateId} onChange={setTemplateId} disabled={busy} />
      {user.role === 'auditor' ? (
        <Field label={t('subBranchCode')}>
          <Input value={subBranch} onChange={(_, d) => setSubBranch(d.value)} disabled={busy} />
        </Field>
      ) : null}
      <Field label={t('period')}>
        <RadioGroup value={mode} onChange={(_, d) => setMode(d.value === 'range' ? 'range' : 'day')} layout="horizontal">
          <Radio value="day" label={t('periodDay')} />
          <Radio value="range" label={t('periodRange')} />
        </RadioGroup>
      </Field>
      {monthly ? (
        <MonthSelect label={mode === 'day' ? t('reportMonth') : t('fromMonth')} value={from.slice(0, 7)} onChange={(month) => setFrom(`${month}-01`)} today={today} disabled={busy} />
      ) : (
        <Field label={mode === 'day' ? t('reportDate') : t('from')}>
          <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} disabled={busy} />
        </Field>
      )}
      {mode === 'range' && monthly ? (
        <MonthSelect label={t('toMonth')} value={to.slice(0, 7)} onChange={(month) => setTo(`${month}-01`)} today={today} disabled={busy} />
      ) : null}
      {mode === 'range' && !monthly ? (
        <Field label={t('to')}>
          <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} disabled={busy} />
        </Field>
      ) : null}
      <Button appearance="primary" onClick={() => void pull()} disabled={busy || !subBranch}>
        {t('pullSummary')}
      </Button>
      <Notice notice={notice} />
    </div>
  );
}
