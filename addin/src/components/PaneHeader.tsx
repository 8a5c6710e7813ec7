import { Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Language } from '../i18n/messages';
import { useI18n } from '../i18n/I18nContext';

export interface PaneHeaderProps {
  onLanguageChange(language: Language): void;
}

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500 },
  language: { width: '110px' },
});

/** The pane's title and its language choice (中文 first). */
export function PaneHeader({ onLanguageChange }: PaneHeaderProps) {
  const styles = useStyles();
  const { language, t } = useI18n();
  return (
    <header className={styles.header}>
      <h1 className={styles.title}>{t('appTitle')}</h1>
      <Select className={styles.language} aria-label={t('language')} value={language} onChange={(_, d) => onLanguageChange(d.value === 'en' ? 'en' : 'zh')}>
        <option value="zh">中文</option>
        <option value="en">English</option>
      </Select>
    </header>
  );
}
