import { useCallback, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '#shared/findings/types';
import type { ApiClient } from '../api/api-client';
import type { SignedInUser } from '../api/types';
import { checkActiveSheet, fixActiveSheet } from '../actions/sheet-checks';
import { reopenSubmission } from '../actions/reopen-submission';
import { submitActiveSheet } from '../actions/submit-sheet';
import { templateHeader } from '../actions/template-header';
import { useNewerTemplateWarning } from '../hooks/useNewerTemplateWarning';
import { useOrganisation } from '../hooks/useOrganisation';
import { useOutbox } from '../hooks/useOutbox';
import { bothLanguages } from '../i18n/messages';
import { useI18n } from '../i18n/I18nContext';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';
import { planTemplateSheet } from '../sheets/plan-template-sheet';
import { FindingsList } from './FindingsList';
import { Notice, failureNotice, type NoticeMessage } from './Notice';
import { OutboxStatus } from './OutboxStatus';
import { ReportPeriodField } from './ReportPeriodField';
import { SubmitProgress } from './SubmitProgress';
import { TemplateSelect } from './TemplateSelect';
import { useServices } from './services';

export interface OutletPanelProps {
  user: SignedInUser;
  api: ApiClient;
}

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
});

/** The outlet head's pane: insert or reopen the template, check and fix it, submit it. */
export function OutletPanel({ user, api }: OutletPanelProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { host, registry, outbox, now, newKey, downloadTemplate } = useServices();
  const templates = registry.all.filter((s) => registry.current(s.id) === s);
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  const [day, setDay] = useState(() => isoDateInTimeZone(now(), CAMPAIGN_TIME_ZONE));
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<number | null>(null);
  const spec = registry.current(templateId);
  const today = isoDateInTimeZone(now(), CAMPAIGN_TIME_ZONE);
  /** The checks run as of the moment of the click (the pane may stay open past midnight). */
  const asOf = () => isoDateInTimeZone(now(), CAMPAIGN_TIME_ZONE);
  const organisation = useOrganisation(api, user.subBranch ?? undefined, now);
  const showNotice = useCallback((shown: NoticeMessage) => setNotice(shown), []);
  const outboxState = useOutbox(api, outbox, showNotice);
  useNewerTemplateWarning(api, registry, showNotice);

  /** One user action at a time: the buttons wait, and a throw becomes a notice instead of a silent pane. */
  async function run(action: () => Promise<NoticeMessage | null>) {
    setBusy(true);
    setNotice(null);
    try {
      const shown = await action();
      if (shown) setNotice(shown);
    } catch (error) {
      setNotice({ intent: 'error', ...bothLanguages('error'), detail: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
      setStep(null);
    }
  }

  const insert = () =>
    run(async () => {
      if (!spec) return null;
      const result = await host.insertTemplateSheet(planTemplateSheet(spec, { header: templateHeader(spec, user, day) }));
      return result.ok ? { intent: 'success', ...bothLanguages('inserted', { sheet: result.value.sheetName }) } : failureNotice(result);
    });

  const download = () => run(async () => (spec && downloadTemplate ? downloadTemplate(api, user, spec, day) : null));

  const reopen = () => run(async () => (spec && user.outlet ? reopenSubmission({ host, api, spec, user: { ...user, outlet: user.outlet }, day }) : null));

  const validate = () =>
    run(async () => {
      const result = await checkActiveSheet(host, registry, asOf(), await organisation.load());
      setFindings(result.ok ? result.value.validation.findings : null);
      return result.ok ? null : failureNotice(result);
    });

  const fix = () =>
    run(async () => {
      const result = await fixActiveSheet(host, registry, asOf(), await organisation.load());
      if (!result.ok) return failureNotice(result);
      setFindings(result.value.validation.findings);
      const count = result.value.applied.length;
      return count > 0 ? { intent: 'success', ...bothLanguages('fixed', { count }) } : { intent: 'info', ...bothLanguages('nothingToFix') };
    });

  const clear = () =>
    run(async () => {
      const result = await host.clearHighlights();
      return result.ok ? { intent: 'info', ...bothLanguages('highlightsCleared', { count: result.value }) } : failureNotice(result);
    });

  const submit = () =>
    run(async () => {
      const options = { host, registry, api, outbox, user, asOf: asOf(), day, newKey, queuedAt: now(), onStep: setStep };
      const outcome = await submitActiveSheet({ ...options, organisation: await organisation.load() });
      if (outcome.findings) setFindings(outcome.findings);
      outboxState.recount();
      if (outcome.retryAfterSeconds !== undefined) outboxState.flushAfter(outcome.retryAfterSeconds);
      return outcome.notice;
    });

  const retryOutbox = async () => {
    await outboxState.flush();
    return null;
  };

  const select = (address: string) =>
    void host.selectCell(address).then((r) => {
      if (!r.ok) setNotice(failureNotice(r));
    });

  return (
    <div className={styles.panel}>
      <Notice notice={organisation.notice} />
      <TemplateSelect templates={templates} value={templateId} onChange={setTemplateId} disabled={busy} />
      <ReportPeriodField monthly={spec?.period === 'month'} day={day} onChange={setDay} today={today} disabled={busy} />
      <div className={styles.row}>
        {downloadTemplate ? (
          <Button appearance="primary" onClick={download} disabled={busy || !spec}>
            {t('webDownloadTemplate')}
          </Button>
        ) : (
          <Button appearance="primary" onClick={insert} disabled={busy || !spec}>
            {t('insertTemplate')}
          </Button>
        )}
        <Button onClick={reopen} disabled={busy || !spec || !user.outlet}>
          {t('reopenSubmission')}
        </Button>
      </div>
      <div className={styles.row}>
        <Button onClick={validate} disabled={busy}>
          {t('validate')}
        </Button>
        <Button onClick={fix} disabled={busy}>
          {t('applyFixes')}
        </Button>
        <Button onClick={clear} disabled={busy}>
          {t('clearHighlights')}
        </Button>
        <Button appearance="primary" onClick={submit} disabled={busy}>
          {t('submit')}
        </Button>
      </div>
      <SubmitProgress step={step} />
      <Notice notice={notice} />
      <OutboxStatus waiting={outboxState.waiting} onRetry={() => void run(retryOutbox)} disabled={busy} />
      {findings ? (
        <>
          <h2 className={styles.heading}>{t('findings')}</h2>
          <FindingsList findings={findings} onSelect={select} />
        </>
      ) : null}
    </div>
  );
}
