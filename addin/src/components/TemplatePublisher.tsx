import { useMemo, useState, type ChangeEvent } from 'react';
import { Button, Field, Label, Textarea, makeStyles, tokens, useId } from '@fluentui/react-components';
import { checkTemplateSpecText } from '#shared/spec/check-template-spec-text';
import type { ApiClient } from '../api/api-client';
import { bothLanguages } from '../i18n/messages';
import { useI18n } from '../i18n/I18nContext';
import { Notice, failureNotice, type NoticeMessage } from './Notice';
import { TemplatePreview } from './TemplatePreview';

export interface TemplatePublisherProps {
  api: ApiClient;
}

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  fileField: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  file: { maxWidth: '100%' },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1, wordBreak: 'break-word' },
  path: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  valid: { margin: 0, color: tokens.colorPaletteGreenForeground1 },
  problems: { margin: 0, fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
});

/** The text of a chosen file (FileReader: in every browser the pane runs in, and in jsdom). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsText(file, 'utf-8');
  });
}

/**
 * Publishing a template version (auditor): a .json file chosen or pasted, checked by the shared spec format
 * with each problem listed at its JSON path, the blank sheet it would insert previewed, then PUT /templates/{id}/{version}.
 */
export function TemplatePublisher({ api }: TemplatePublisherProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const fileId = useId('spec-file');
  const [specText, setSpecText] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const check = useMemo(() => (specText.trim() === '' ? null : checkTemplateSpecText(specText)), [specText]);

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setNotice(null);
    try {
      setSpecText(await readText(file));
      setNotice({ intent: 'info', ...bothLanguages('specFileRead', { name: file.name }) });
    } catch (error) {
      setNotice({ intent: 'error', ...bothLanguages('specFileUnreadable', { name: file.name }), detail: error instanceof Error ? error.message : String(error) });
    }
  }

  async function publish() {
    if (!check?.ok) return;
    const { id, version } = check.spec;
    setBusy(true);
    setNotice(null);
    try {
      const result = await api.putTemplate(id, version, check.raw);
      setNotice(result.ok ? { intent: 'success', ...bothLanguages('published', { id, version }) } : failureNotice(result));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.panel} aria-label={t('publishTemplate')}>
      <h2 className={styles.heading}>{t('publishTemplate')}</h2>
      <div className={styles.fileField}>
        <Label htmlFor={fileId}>{t('specFile')}</Label>
        <input id={fileId} className={styles.file} type="file" accept=".json,application/json" onChange={(e) => void chooseFile(e)} disabled={busy} />
      </div>
      <Field label={t('templateJson')}>
        <Textarea value={specText} onChange={(_, d) => setSpecText(d.value)} resize="vertical" rows={4} disabled={busy} />
      </Field>
      {check && !check.ok ? (
        <>
          <p className={styles.problems}>{t('specIssues', { count: check.issues.length })}</p>
          <ul className={styles.issues} aria-label={t('specIssues', { count: check.issues.length })}>
            {check.issues.map((issue, i) => (
              <li key={i}>
                <span className={styles.path}>{issue.path}</span>：{language === 'zh' ? issue.message_zh : issue.message_en}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {check?.ok ? (
        <>
          <p className={styles.valid}>{t('specValid', { id: check.spec.id, version: check.spec.version })}</p>
          <TemplatePreview spec={check.spec} />
        </>
      ) : null}
      <Notice notice={notice} />
      <Button appearance="primary" onClick={() => void publish()} disabled={busy || !check?.ok}>
        {t('publish')}
      </Button>
    </section>
  );
}
