/**
 * The web page (web.html): the task pane's panels in any browser, on a workbook the user opens from disk, for
 * outlets that work in WPS or LibreOffice. The same App, panels, checks and outbox as the add-in, behind the
 * WorkbookHost port (a FileWorkbook instead of Office.js); no Office.js is loaded.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Finding } from '#shared/findings/types';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { createTemplateRegistry } from '#shared/spec/template-registry';
import type { TemplateSpec } from '#shared/spec/schema';
import { ApiClient } from '../api/api-client';
import { Outbox } from '../api/outbox';
import type { SignedInUser } from '../api/types';
import { templateHeader } from '../actions/template-header';
import { App } from '../components/App';
import type { NoticeMessage } from '../components/Notice';
import { failureNotice } from '../components/Notice';
import { ServicesContext, type PaneServices } from '../components/services';
import { WebWorkspace } from '../components/WebWorkspace';
import { FileWorkbook } from '../excel/file-workbook';
import { bothLanguages } from '../i18n/messages';
import { parseCellAddress } from '../sheets/addresses';
import { cognitoFrom, loadConfig } from '../taskpane/pane-config';
import { saveFile } from './save-file';
import { writeCellsToWorkbookFile } from './workbook-file';

/** The header block of a blank template for the signed-in user, as cells for the fix writer. */
function headerCells(spec: TemplateSpec, user: SignedInUser, day: string): Finding[] {
  const header = templateHeader(spec, user, day);
  return spec.headerFields.flatMap((field) => {
    const value = header[field.key];
    const ref = parseCellAddress(field.valueCell);
    if (value === undefined || !ref) return [];
    return [{ code: 'header-filled', severity: 'notice' as const, address: `${spec.sheetName}!${field.valueCell}`, row: ref.row, column: ref.col, value: null, message_zh: '', message_en: '', fix: value }];
  });
}

/** GET /templates/{id}/{version}.xlsx with the header block filled in, saved by the browser. */
async function downloadTemplate(api: ApiClient, user: SignedInUser, spec: TemplateSpec, day: string): Promise<NoticeMessage> {
  const blank = await api.getTemplateXlsx(spec.id, spec.version);
  if (!blank.ok) return failureNotice(blank);
  const filled = await writeCellsToWorkbookFile(blank.value, spec, headerCells(spec, user, day));
  if (!filled.ok) return failureNotice(filled);
  const period = spec.period === 'month' ? day.slice(0, 7) : day;
  const name = `${spec.sheetName}-${user.outlet ?? user.subBranch ?? ''}-${period}.xlsx`;
  saveFile(filled.value, name);
  return { intent: 'success', ...bothLanguages('webTemplateDownloaded', { file: name }) };
}

async function start(): Promise<void> {
  const config = await loadConfig();
  const registry = createTemplateRegistry(builtinTemplates);
  const workbook = new FileWorkbook(registry);
  // The end-to-end test reads the workbook the page holds, as it does with ?host=memory.
  (window as unknown as { ptsWorkbook: FileWorkbook }).ptsWorkbook = workbook;
  const services: PaneServices = {
    host: workbook,
    api: new ApiClient(config.apiUrl),
    registry,
    outbox: new Outbox(window.localStorage),
    now: () => new Date(),
    newKey: () => crypto.randomUUID(),
    localSignIn: config.local === true,
    downloadTemplate,
    onSummaryPulled: (query, plan) => workbook.showSummary(query, plan),
  };
  const cognito = cognitoFrom(config);
  if (cognito) services.cognito = cognito;
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <ServicesContext.Provider value={services}>
        <App workspace={(user, api) => (user.role === 'auditor' ? null : <WebWorkspace user={user} api={api} workbook={workbook} />)} />
      </ServicesContext.Provider>
    </FluentProvider>,
  );
}

void start();
