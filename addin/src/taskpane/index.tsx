/**
 * The task pane's entry point: picks the workbook host (Office.js inside Excel, the in-memory workbook with
 * `?host=memory`), checks the requirement set, and mounts React inside one FluentProvider after Office.onReady.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { createTemplateRegistry } from '#shared/spec/template-registry';
import { ApiClient } from '../api/api-client';
import { Outbox } from '../api/outbox';
import { App } from '../components/App';
import { MemoryWorkbookView } from '../components/MemoryWorkbookView';
import { ServicesContext, type PaneServices } from '../components/services';
import { MemoryWorkbook } from '../excel/memory-workbook';
import { OfficeWorkbook, REQUIRED_EXCEL_API, isExcelApiSupported } from '../excel/office-workbook';
import type { WorkbookHost } from '../excel/workbook-host';
import { cognitoFrom, loadConfig, type PaneConfig } from './pane-config';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function loadOfficeJs(): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = OFFICE_JS;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('office.js could not be loaded'));
    document.head.appendChild(script);
  });
}

function mount(host: WorkbookHost, config: PaneConfig, preview: MemoryWorkbook | null, unsupported?: string): void {
  const services: PaneServices = {
    host,
    api: new ApiClient(config.apiUrl),
    registry: createTemplateRegistry(builtinTemplates),
    outbox: new Outbox(window.localStorage),
    now: () => new Date(),
    newKey: () => crypto.randomUUID(),
    localSignIn: config.local === true,
  };
  const cognito = cognitoFrom(config);
  if (cognito) services.cognito = cognito;
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <ServicesContext.Provider value={services}>
        <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
          <div style={{ width: preview ? 320 : '100%', flex: preview ? 'none' : '1 1 auto', minWidth: 0 }}>
            <App {...(unsupported ? { unsupportedExcelApi: unsupported } : {})} />
          </div>
          {preview ? <MemoryWorkbookView workbook={preview} /> : null}
        </div>
      </ServicesContext.Provider>
    </FluentProvider>,
  );
}

async function start(): Promise<void> {
  const config = await loadConfig();
  const params = new URLSearchParams(window.location.search);
  if (params.get('host') === 'memory') {
    const memory = new MemoryWorkbook(['Sheet1']);
    (window as unknown as { ptsWorkbook: MemoryWorkbook }).ptsWorkbook = memory;
    // preview=0 shows the pane alone, as Excel would (the 320 px check).
    mount(memory, config, params.get('preview') === '0' ? null : memory);
    return;
  }
  await loadOfficeJs();
  await Office.onReady();
  mount(new OfficeWorkbook(), config, null, isExcelApiSupported() ? undefined : REQUIRED_EXCEL_API);
}

void start();
