import { useMemo, useState, type ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client';
import type { SignedInUser } from '../api/types';
import { useSession } from '../hooks/useSession';
import { I18nContext } from '../i18n/I18nContext';
import { bothLanguages, translate, type Language } from '../i18n/messages';
import { AuditorPanel } from './AuditorPanel';
import { ManagerPanel } from './ManagerPanel';
import { Notice } from './Notice';
import { OutletPanel } from './OutletPanel';
import { PaneHeader } from './PaneHeader';
import { SignedInBar } from './SignedInBar';
import { SignInPanel } from './SignInPanel';
import { useServices } from './services';

export interface AppProps {
  /** Set when the host lacks the requirement set: the panes are not shown, only this message. */
  unsupportedExcelApi?: string;
  initialLanguage?: Language;
  /** The web page's work area beside the role's panel (the opened file, the summary on screen). */
  workspace?: (user: SignedInUser, api: ApiClient) => ReactNode;
}

const useStyles = makeStyles({
  app: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: '280px',
    maxWidth: '100%',
    boxSizing: 'border-box',
  },
  split: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-start' },
  panel: { flex: '1 1 300px', maxWidth: '420px', minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  workspace: { flex: '999 1 480px', minWidth: 0, maxWidth: '100%' },
});

/** The task pane: header, then sign-in, or the signed-in user's panel by role. */
export function App({ unsupportedExcelApi, initialLanguage = 'zh', workspace }: AppProps) {
  const styles = useStyles();
  const { api, cognito, now } = useServices();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const session = useSession(cognito, now);
  const { user } = session;
  const i18n = useMemo(() => ({ language, t: (key: Parameters<typeof translate>[1], slots?: Record<string, string | number>) => translate(language, key, slots) }), [language]);
  const signedApi = useMemo(() => (user ? api.withToken(user.token) : api), [api, user]);

  function body() {
    if (unsupportedExcelApi) return <Notice notice={{ intent: 'error', ...bothLanguages('unsupportedHost', { version: unsupportedExcelApi }) }} />;
    if (!user) {
      return (
        <>
          <Notice notice={session.notice} />
          <SignInPanel onSignedIn={session.signIn} />
        </>
      );
    }
    const panel = panelFor(user, signedApi);
    const area = workspace ? workspace(user, signedApi) : null;
    return (
      <>
        <SignedInBar user={user} onSignOut={session.signOut} />
        <Notice notice={session.notice} />
        {area ? (
          <div className={styles.split}>
            <div className={styles.panel}>{panel}</div>
            <div className={styles.workspace}>{area}</div>
          </div>
        ) : (
          panel
        )}
      </>
    );
  }

  return (
    <I18nContext.Provider value={i18n}>
      <main className={styles.app} lang={language === 'zh' ? 'zh-CN' : 'en'}>
        <PaneHeader onLanguageChange={setLanguage} />
        {body()}
      </main>
    </I18nContext.Provider>
  );
}

/** The panel of the signed-in user's role. */
function panelFor(user: SignedInUser, api: ApiClient): ReactNode {
  if (user.role === 'outlet_head') return <OutletPanel user={user} api={api} />;
  if (user.role === 'subbranch_manager') return <ManagerPanel user={user} api={api} />;
  if (user.role === 'auditor') return <AuditorPanel api={api} />;
  return null;
}
