import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client';
import { Button, Select, makeStyles, tokens } from '@fluentui/react-components';
import { userFromToken } from '../api/api-client';
import type { SignInRenewal } from '../api/cognito-sign-in';
import type { SignedInUser } from '../api/types';
import { I18nContext } from '../i18n/I18nContext';
import { bothLanguages, translate, type Language } from '../i18n/messages';
import { AuditorPanel } from './AuditorPanel';
import { ManagerPanel } from './ManagerPanel';
import { Notice, type NoticeMessage } from './Notice';
import { OutletPanel } from './OutletPanel';
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
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500 },
  user: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  language: { width: '110px' },
  split: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-start' },
  panel: { flex: '1 1 300px', maxWidth: '420px', minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  workspace: { flex: '999 1 480px', minWidth: 0, maxWidth: '100%' },
});

/** The ID token is renewed this long before it expires. */
export const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;
/** After a failed renewal that may be the network, the next try comes this much later. */
const RENEW_RETRY_MS = 60_000;

export function App({ unsupportedExcelApi, initialLanguage = 'zh', workspace }: AppProps) {
  const styles = useStyles();
  const { api, cognito, now } = useServices();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [user, setUser] = useState<SignedInUser | null>(null);
  const [renewal, setRenewal] = useState<SignInRenewal | null>(null);
  /** When to renew next (milliseconds since the epoch): before expiry, or a minute after a try that found no network. */
  const [renewAt, setRenewAt] = useState<number | null>(null);
  const [sessionNotice, setSessionNotice] = useState<NoticeMessage | null>(null);
  const i18n = useMemo(() => ({ language, t: (key: Parameters<typeof translate>[1], slots?: Record<string, string | number>) => translate(language, key, slots) }), [language]);
  const signedApi = useMemo(() => (user ? api.withToken(user.token) : api), [api, user]);
  const { t } = i18n;

  // Cognito sign-in: renew the ID token with the refresh token shortly before it expires (tokens stay in memory).
  useEffect(() => {
    if (!user || !renewal || renewAt === null || !cognito) return undefined;
    let cancelled = false;
    const timer = setTimeout(() => {
      void cognito.refresh(renewal.refreshToken).then((result) => {
        if (cancelled) return;
        if (result.ok) {
          const renewed = userFromToken(result.tokens.idToken, user.name);
          if (renewed) {
            setUser(renewed);
            setRenewal({ refreshToken: result.tokens.refreshToken ?? renewal.refreshToken, expiresAt: result.tokens.expiresAt });
            setRenewAt(result.tokens.expiresAt - RENEW_BEFORE_EXPIRY_MS);
            setSessionNotice(null);
            return;
          }
        }
        if (!result.ok && result.kind === 'offline') {
          // No network: keep the pane's work, say so, and try again in a minute.
          setSessionNotice({ intent: 'warning', message_zh: result.message_zh, message_en: result.message_en });
          setRenewAt(now().getTime() + RENEW_RETRY_MS);
          return;
        }
        setUser(null);
        setRenewal(null);
        setRenewAt(null);
        setSessionNotice({ intent: 'error', ...bothLanguages('sessionRenewFailed'), ...(!result.ok ? { detail: result.message_zh } : {}) });
      });
    }, Math.max(0, renewAt - now().getTime()));
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [user, renewal, renewAt, cognito, now]);

  function signIn(signedIn: SignedInUser, signInRenewal?: SignInRenewal | null): void {
    setSessionNotice(null);
    setRenewal(signInRenewal ?? null);
    setRenewAt(signInRenewal ? signInRenewal.expiresAt - RENEW_BEFORE_EXPIRY_MS : null);
    setUser(signedIn);
  }

  function signOut(): void {
    const refreshToken = renewal?.refreshToken;
    setUser(null);
    setRenewal(null);
    setRenewAt(null);
    setSessionNotice(null);
    if (refreshToken && cognito) {
      void cognito.signOut(refreshToken).then((result) => {
        if (!result.ok) setSessionNotice({ intent: 'warning', ...bothLanguages('signOutIncomplete'), detail: result.message_zh });
      });
    }
  }

  const area = user && workspace ? workspace(user, signedApi) : null;
  const scope = user ? (user.role === 'auditor' ? t('allSubBranches') : [user.subBranch, user.outlet].filter(Boolean).join(' / ')) : '';
  return (
    <I18nContext.Provider value={i18n}>
      <main className={styles.app} lang={language === 'zh' ? 'zh-CN' : 'en'}>
        <header className={styles.header}>
          <h1 className={styles.title}>{t('appTitle')}</h1>
          <Select
            className={styles.language}
            aria-label={t('language')}
            value={language}
            onChange={(_, d) => setLanguage(d.value === 'en' ? 'en' : 'zh')}
          >
            <option value="zh">中文</option>
            <option value="en">English</option>
          </Select>
        </header>
        {unsupportedExcelApi ? (
          <Notice
            notice={{
              intent: 'error',
              message_zh: translate('zh', 'unsupportedHost', { version: unsupportedExcelApi }),
              message_en: translate('en', 'unsupportedHost', { version: unsupportedExcelApi }),
            }}
          />
        ) : !user ? (
          <>
            <Notice notice={sessionNotice} />
            <SignInPanel onSignedIn={signIn} />
          </>
        ) : (
          <>
            <div className={styles.user} role="status">
              <span>{t(user.name ? 'signedInLine' : 'signedInLineNoName', { name: user.name, role: t(`role_${user.role}`), scope })}</span>
              <Button size="small" onClick={signOut}>
                {t('signOut')}
              </Button>
            </div>
            <Notice notice={sessionNotice} />
            {area ? (
              <div className={styles.split}>
                <div className={styles.panel}>{panelFor(user, signedApi)}</div>
                <div className={styles.workspace}>{area}</div>
              </div>
            ) : (
              panelFor(user, signedApi)
            )}
          </>
        )}
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
