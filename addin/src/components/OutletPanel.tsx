import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Field, Input, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '#shared/findings/types';
import type { Organisation } from '#shared/org/schema';
import type { ApiClient } from '../api/api-client';
import type { SignedInUser } from '../api/types';
import { checkActiveSheet, fixActiveSheet, highlightFindings, readForSubmission } from '../actions/sheet-checks';
import { periodOf, storedSubmissionContent, templateHeader } from '../actions/template-header';
import { bothLanguages, monthLabel, type MessageKey } from '../i18n/messages';
import { useI18n } from '../i18n/I18nContext';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';
import { headerValueOfRole } from '#shared/spec/header-value-of-role';
import { planTemplateSheet } from '../sheets/plan-template-sheet';
import { FindingsList } from './FindingsList';
import { MonthSelect } from './MonthSelect';
import { Notice, failureNotice, type NoticeMessage } from './Notice';
import { TemplateSelect } from './TemplateSelect';
import { useServices } from './services';

export interface OutletPanelProps {
  user: SignedInUser;
  api: ApiClient;
}

const STEPS: MessageKey[] = ['step_read', 'step_check', 'step_upload', 'step_rank'];
/** How long the fetched organisation is used before it is fetched again. */
const ORG_MAX_AGE_MS = 10 * 60_000;


const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
});

export function OutletPanel({ user, api }: OutletPanelProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const { host, registry, outbox, now, newKey } = useServices();
  const templates = registry.all.filter((s) => registry.current(s.id) === s);
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  const [day, setDay] = useState(() => isoDateInTimeZone(now(), CAMPAIGN_TIME_ZONE));
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<number | null>(null);
  const [waiting, setWaiting] = useState(() => outbox.list().length);
  const spec = registry.current(templateId);
  const asOf = () => isoDateInTimeZone(now(), CAMPAIGN_TIME_ZONE);
  const [orgNotice, setOrgNotice] = useState<NoticeMessage | null>(null);
  const organisation = useRef<{ subBranch: string; value: Organisation; at: number } | null>(null);

  /**
   * The organisation of the user's sub-branch (GET /org): fetched after sign-in, again before a check while it is
   * missing or older than ORG_MAX_AGE_MS (an auditor may have moved the campaign meanwhile).
   */
  const loadOrganisation = useCallback(async (): Promise<Organisation | undefined> => {
    const subBranch = user.subBranch;
    if (!subBranch) return undefined;
    const cached = organisation.current;
    if (cached?.subBranch === subBranch && now().getTime() - cached.at < ORG_MAX_AGE_MS) return cached.value;
    const answer = await api.getOrg(subBranch);
    if (!answer.ok && cached?.subBranch === subBranch) return cached.value; // an older file beats none
    if (!answer.ok) {
      setOrgNotice({ intent: 'warning', ...bothLanguages('orgUnavailable', { subBranch }), detail: answer.message_zh });
      return undefined;
    }
    organisation.current = { subBranch, value: answer.value, at: now().getTime() };
    setOrgNotice(null);
    return answer.value;
  }, [api, user.subBranch, now]);

  useEffect(() => {
    void loadOrganisation();
  }, [loadOrganisation]);

  // A busy server (503) names when to try again: the outbox is flushed then, besides the minute timer.
  const flushAgainRef = useRef<() => void>(() => undefined);
  const flushAfter = useCallback((seconds: number) => void window.setTimeout(() => flushAgainRef.current(), seconds * 1000), []);
  const flushOutbox = useCallback(async () => {
    if (outbox.list().length === 0) return;
    const outcome = await outbox.flush(api);
    setWaiting(outcome.waiting);
    if (outcome.retryAfterSeconds !== undefined) flushAfter(outcome.retryAfterSeconds);
    if (outcome.refused.length > 0) setNotice(failureNotice(outcome.refused[0].failure));
    else if (outcome.sent.length > 0) setNotice({ intent: 'success', ...bothLanguages('outboxSent', { count: outcome.sent.length }) });
  }, [api, outbox, flushAfter]);
  flushAgainRef.current = () => void flushOutbox();

  useEffect(() => {
    // The pane carries the built-in specs; a newer version published on the server needs a newer pane.
    void api.getTemplates().then((answer) => {
      if (!answer.ok) return;
      const listed = answer.value.templates;
      const newer = listed.find((t) => (registry.current(t.id)?.version ?? Infinity) < t.current);
      if (newer) setNotice({ intent: 'warning', ...bothLanguages('newerTemplate', { id: registry.current(newer.id)?.title ?? newer.id, version: newer.current }) });
    });
  }, [api, registry]);

  useEffect(() => {
    void flushOutbox();
    const onOnline = () => void flushOutbox();
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(() => void flushOutbox(), 60_000);
    return () => {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }, [flushOutbox]);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setNotice(null);
    try {
      await action();
    } catch (error) {
      setNotice({ intent: 'error', ...bothLanguages('error'), detail: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
      setStep(null);
    }
  }

  const insert = () =>
    run(async () => {
      if (!spec) return;
      const plan = planTemplateSheet(spec, { header: templateHeader(spec, user, day) });
      const result = await host.insertTemplateSheet(plan);
      setNotice(result.ok ? { intent: 'success', ...bothLanguages('inserted', { sheet: result.value.sheetName }) } : failureNotice(result));
    });

  const reopen = () =>
    run(async () => {
      if (!spec || !user.outlet) return;
      const period = periodOf(spec, day);
      const stored = await api.getSubmission(user.outlet, spec.id, period);
      if (!stored.ok && stored.status === 404) {
        return setNotice({ intent: 'info', ...bothLanguages('noStoredSubmission', { outlet: user.outlet, title: spec.title, period: spec.period === 'month' ? monthLabel(language, period) : period }) });
      }
      if (!stored.ok) return setNotice(failureNotice(stored));
      const content = storedSubmissionContent(spec, stored.value);
      const plan = planTemplateSheet(spec, { header: { ...templateHeader(spec, user, day), ...content.header }, rows: content.rows });
      const result = await host.insertTemplateSheet(plan);
      setNotice(result.ok ? { intent: 'success', ...bothLanguages('reopened', { period, sheet: result.value.sheetName }) } : failureNotice(result));
    });

  const validate = () =>
    run(async () => {
      const result = await checkActiveSheet(host, registry, asOf(), await loadOrganisation());
      if (!result.ok) {
        setFindings(null);
        return setNotice(failureNotice(result));
      }
      setFindings(result.value.validation.findings);
    });

  const fix = () =>
    run(async () => {
      const result = await fixActiveSheet(host, registry, asOf(), await loadOrganisation());
      if (!result.ok) return setNotice(failureNotice(result));
      setFindings(result.value.validation.findings);
      setNotice(
        result.value.applied.length > 0
          ? { intent: 'success', ...bothLanguages('fixed', { count: result.value.applied.length }) }
          : { intent: 'info', ...bothLanguages('nothingToFix') },
      );
    });

  const clear = () =>
    run(async () => {
      const result = await host.clearHighlights();
      setNotice(result.ok ? { intent: 'info', ...bothLanguages('highlightsCleared', { count: result.value }) } : failureNotice(result));
    });

  const submit = () =>
    run(async () => {
      setStep(0);
      const read = await readForSubmission(host, registry, asOf(), await loadOrganisation());
      if (!read.ok) return setNotice(failureNotice(read));
      setStep(1);
      const validation = read.value.validation;
      setFindings(validation.findings);
      const errors = validation.findings.filter((f) => f.severity === 'error').length;
      if (validation.hasErrors) return setNotice({ intent: 'error', ...bothLanguages('submitBlocked', { count: errors }) });
      setStep(2);
      const period = headerValueOfRole(validation.spec, validation.header, 'period') ?? periodOf(validation.spec, day);
      const key = newKey();
      const sent = await api.postSubmission(read.value.workbook, key);
      if (!sent.ok && (sent.kind === 'offline' || sent.kind === 'busy')) {
        outbox.add({ idempotencyKey: key, workbook: read.value.workbook, label: `${user.outlet ?? ''} ${validation.spec.title} ${period}`, queuedAt: now().toISOString() });
        setWaiting(outbox.list().length);
        if (sent.kind === 'offline') return setNotice({ intent: 'warning', ...bothLanguages('queued') });
        const seconds = sent.retryAfterSeconds ?? 5;
        flushAfter(seconds);
        return setNotice({ intent: 'warning', ...bothLanguages('queuedBusy', { seconds }) });
      }
      if (!sent.ok) {
        if (sent.findings) {
          // The server's findings are marked in the sheet as the pane's own are.
          setFindings(sent.findings);
          const marked = await highlightFindings(host, read.value.sheetName, sent.findings);
          if (marked.ok && marked.value > 0) {
            const note = bothLanguages('serverFindingsMarked', { count: marked.value });
            return setNotice({ intent: 'error', message_zh: `${sent.message_zh}。${note.message_zh}`, message_en: `${sent.message_en}. ${note.message_en}` });
          }
        }
        return setNotice(failureNotice(sent));
      }
      setStep(3);
      // What the server still says of an accepted sheet (warnings, a late submission) replaces the local list.
      const serverFindings = sent.value.findings;
      if (Array.isArray(serverFindings)) setFindings(serverFindings);
      const outlet = user.outlet ?? '';
      let rankLine = bothLanguages('submittedNoRank');
      if (user.subBranch) {
        const summary = await api.getConsolidated({ template: validation.spec.id, subBranch: user.subBranch, from: period, to: period });
        if (summary.ok && summary.value) {
          const own = summary.value.outlets.find((o) => o.outlet === outlet);
          const count = summary.value.outlets.length + summary.value.missing.length;
          if (own && own.rank !== null) rankLine = bothLanguages('submittedRank', { rank: own.rank, count });
        }
      }
      const done = bothLanguages('submitted', { outlet, period });
      setNotice({ intent: 'success', message_zh: `${done.message_zh}。${rankLine.message_zh}`, message_en: `${done.message_en}. ${rankLine.message_en}` });
    });

  return (
    <div className={styles.panel}>
      <Notice notice={orgNotice} />
      <TemplateSelect templates={templates} value={templateId} onChange={setTemplateId} disabled={busy} />
      {spec?.period === 'month' ? (
        <MonthSelect label={t('reportMonth')} value={day.slice(0, 7)} onChange={(month) => setDay(`${month}-01`)} today={isoDateInTimeZone(now(), CAMPAIGN_TIME_ZONE)} disabled={busy} />
      ) : (
        <Field label={t('reportDate')}>
          <Input type="date" value={day} onChange={(_, d) => setDay(d.value)} disabled={busy} />
        </Field>
      )}
      <div className={styles.row}>
        <Button appearance="primary" onClick={insert} disabled={busy || !spec}>
          {t('insertTemplate')}
        </Button>
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
      {step !== null ? (
        <Field label={`${t('submitting')} ${t(STEPS[step])}`} validationState="none">
          <ProgressBar value={(step + 1) / STEPS.length} aria-label={t(STEPS[step])} />
        </Field>
      ) : null}
      <Notice notice={notice} />
      {waiting > 0 ? (
        <div className={styles.row}>
          <span role="status">{t('outbox', { count: waiting })}</span>
          <Button size="small" onClick={() => void run(flushOutbox)} disabled={busy}>
            {t('retryNow')}
          </Button>
        </div>
      ) : null}
      {findings ? (
        <>
          <h2 className={styles.heading}>{t('findings')}</h2>
          <FindingsList
            findings={findings}
            onSelect={(address) =>
              void host.selectCell(address).then((r) => {
                if (!r.ok) setNotice(failureNotice(r));
              })
            }
          />
        </>
      ) : null}
    </div>
  );
}
