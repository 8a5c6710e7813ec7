import { useMemo, useState } from 'react';
import { Button, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { SignedInUser } from '../api/types';
import { I18nContext } from '../i18n/I18nContext';
import { translate, type Language } from '../i18n/messages';
import { AuditorPanel } from './AuditorPanel';
import { ManagerPanel } from './ManagerPanel';
import { Notice } from './Notice';
import { OutletPanel } from './OutletPanel';
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
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500 },
  user: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  language: { width: '110px' },
});

export function App({ unsupportedExcelApi, initialLanguage = 'zh' }: AppProps) {
  const styles = useStyles();
  const { api } = useServices();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [user, setUser] = useState<SignedInUser | null>(null);
  const i18n = useMemo(() => ({ language, t: (key: Parameters<typeof translate>[1], slots?: Record<string, string | number>) => translate(language, key, slots) }), [language]);
  const signedApi = useMemo(() => (user ? api.withToken(user.token) : api), [api, user]);
  const { t } = i18n;

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
          <SignInPanel onSignedIn={setUser} />
        ) : (
          <>
            <div className={styles.user} role="status">
              <span>
                {t('signedInAs')}：{user.name || '—'} · {t(`role_${user.role}`)} · {t('scope')}：{scope}
              </span>
              <Button size="small" onClick={() => setUser(null)}>
                {t('signOut')}
              </Button>
            </div>
            {user.role === 'outlet_head' ? <OutletPanel user={user} api={signedApi} /> : null}
            {user.role === 'subbranch_manager' ? <ManagerPanel user={user} api={signedApi} /> : null}
            {user.role === 'auditor' ? <AuditorPanel api={signedApi} /> : null}
          </>
        )}
      </main>
    </I18nContext.Provider>
  );
}
