import { useMemo, useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
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
});

/** The task pane: header, then sign-in, or the signed-in user's panel by role. */
export function App({ unsupportedExcelApi, initialLanguage = 'zh' }: AppProps) {
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
    return (
      <>
        <SignedInBar user={user} onSignOut={session.signOut} />
        <Notice notice={session.notice} />
        {user.role === 'outlet_head' ? <OutletPanel user={user} api={signedApi} /> : null}
        {user.role === 'subbranch_manager' ? <ManagerPanel user={user} api={signedApi} /> : null}
        {user.role === 'auditor' ? <AuditorPanel api={signedApi} /> : null}
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
