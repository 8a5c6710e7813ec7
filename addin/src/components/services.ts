import { createContext, useContext } from 'react';
import type { TemplateRegistry } from '#shared/spec/template-registry';
import type { TemplateSpec } from '#shared/spec/schema';
import type { ApiClient, ConsolidatedQuery } from '../api/api-client';
import type { SignedInUser } from '../api/types';
import type { CognitoSignIn } from '../api/cognito-sign-in';
import type { Outbox } from '../api/outbox';
import type { SummaryWorkbookPlan } from '#shared/summary-sheet/types';
import type { WorkbookHost } from '../excel/workbook-host';
import type { NoticeMessage } from './Notice';

/** What the panes work with; given by the entry point (Office.js or the in-memory workbook), replaced by fakes in tests. */
export interface PaneServices {
  host: WorkbookHost;
  /** The API without a token; the signed-in client is derived with withToken. */
  api: ApiClient;
  registry: TemplateRegistry;
  outbox: Outbox;
  /** The clock (today in Asia/Shanghai is derived from it). */
  now: () => Date;
  /** A new idempotency key per submission. */
  newKey: () => string;
  /** True when the API offers POST /local/token (the local stack). */
  localSignIn: boolean;
  /** In AWS with a Cognito user pool: the user-pool sign-in (user name, password, MFA). Absent: paste a token. */
  cognito?: CognitoSignIn;
  /** The web page (web.html): a blank template to download for the signed-in user, instead of inserting a sheet. */
  downloadTemplate?: (api: ApiClient, user: SignedInUser, spec: TemplateSpec, day: string) => Promise<NoticeMessage>;
  /** The web page: told of each summary the manager pulls, to show it on screen and offer its workbook. */
  onSummaryPulled?: (query: ConsolidatedQuery, plan: SummaryWorkbookPlan) => void;
}

export const ServicesContext = createContext<PaneServices | null>(null);

export function useServices(): PaneServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('PaneServices missing: wrap the pane in ServicesContext.Provider');
  return services;
}
