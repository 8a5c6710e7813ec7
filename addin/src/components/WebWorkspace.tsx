import { useEffect, useReducer, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client';
import type { SignedInUser } from '../api/types';
import type { FileWorkbook } from '../excel/file-workbook';
import { bothLanguages } from '../i18n/messages';
import { useI18n } from '../i18n/I18nContext';
import { fixedFileName, saveFile } from '../web/save-file';
import { readWorkbookFile, writeCellsToWorkbookFile } from '../web/workbook-file';
import { MemoryWorkbookView } from './MemoryWorkbookView';
import { Notice, failureNotice, type NoticeMessage } from './Notice';
import { SummaryView } from './SummaryView';
import { WorkbookFilePicker } from './WorkbookFilePicker';

export interface WebWorkspaceProps {
  user: SignedInUser;
  api: ApiClient;
  workbook: FileWorkbook;
}

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  grid: { overflow: 'auto', maxWidth: '100%', maxHeight: '70vh' },
});

/** The web page's work area: the opened file as a grid (outlet head), the pulled summary on screen (manager). */
export function WebWorkspace({ user, api, workbook }: WebWorkspaceProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => workbook.subscribe(refresh), [workbook]);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<NoticeMessage | null>) {
    setBusy(true);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (error) {
      setNotice({ intent: 'error', ...bothLanguages('error'), detail: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const open = (file: File) =>
    run(async () => {
      if (!/\.xlsx$/i.test(file.name)) return { intent: 'error', ...bothLanguages('webNotXlsx', { file: file.name }) };
      const read = await readWorkbookFile(new Uint8Array(await file.arrayBuffer()));
      if (!read.ok) return failureNotice({ ...read, detail: read.detail ?? file.name });
      const opened = workbook.open(file.name, new Uint8Array(await file.arrayBuffer()), read.value);
      if (!opened.spec) return { intent: 'warning', ...bothLanguages('webOpenedNoTemplate', { file: file.name }) };
      return { intent: 'info', ...bothLanguages('webOpened', { file: file.name, sheet: opened.sheetName, template: opened.spec.title }) };
    });

  const downloadFixed = () =>
    run(async () => {
      const file = workbook.file;
      if (!file || !file.spec) return { intent: 'warning', ...bothLanguages('webNoFile') };
      const changes = workbook.changedCells();
      const written = await writeCellsToWorkbookFile(file.bytes, file.spec, changes);
      if (!written.ok) return failureNotice(written);
      const name = fixedFileName(file.name);
      saveFile(written.value, name);
      return { intent: 'success', ...bothLanguages('webDownloaded', { file: name, count: changes.length }) };
    });

  const summary = workbook.summary;
  const downloadSummary = () =>
    run(async () => {
      if (!summary) return null;
      const answer = await api.getConsolidatedXlsx(summary.query);
      if (!answer.ok) return failureNotice(answer);
      const { subBranch, from, to } = summary.query;
      const name = `汇总-${subBranch}-${from === to ? from : `${from}至${to}`}.xlsx`;
      saveFile(answer.value, name);
      return { intent: 'success', ...bothLanguages('webSummaryDownloaded', { file: name }) };
    });

  if (user.role === 'subbranch_manager') {
    return (
      <div className={styles.area}>
        <Notice notice={notice} />
        {summary ? <SummaryView plan={summary.plan} onDownload={() => void downloadSummary()} busy={busy} /> : null}
      </div>
    );
  }
  const sheetName = workbook.file?.sheetName;
  return (
    <div className={styles.area}>
      <WorkbookFilePicker onFile={(file) => void open(file)} disabled={busy} />
      <div className={styles.row}>
        <Button onClick={() => void downloadFixed()} disabled={busy || !workbook.file}>
          {t('webDownloadFixed')}
        </Button>
      </div>
      <Notice notice={notice} />
      {workbook.sheets.some((s) => !s.veryHidden) ? (
        // The grid scrolls both ways; the region takes the focus so that arrow keys scroll it.
        <div className={styles.grid} role="region" aria-label={t('webSheetRegion', { sheet: sheetName ?? '' })} tabIndex={0}>
          <MemoryWorkbookView workbook={workbook} label={sheetName ?? t('workbookPreview')} />
        </div>
      ) : null}
    </div>
  );
}
