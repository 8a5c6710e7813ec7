import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';

/** A message for the user: Chinese and English, shown in the selected language; the other on demand. */
export interface NoticeMessage {
  intent: 'success' | 'error' | 'warning' | 'info';
  message_zh: string;
  message_en: string;
  detail?: string;
}

export interface NoticeProps {
  notice: NoticeMessage | null;
}

const useStyles = makeStyles({
  other: { color: tokens.colorNeutralForeground3, display: 'block' },
  detail: { color: tokens.colorNeutralForeground3, display: 'block', wordBreak: 'break-word' },
  toggle: { minWidth: 0, padding: `0 ${tokens.spacingHorizontalXS}`, height: 'auto', fontWeight: tokens.fontWeightRegular },
});

export function Notice({ notice }: NoticeProps) {
  const styles = useStyles();
  const { language, t } = useI18n();
  // The other language is shown for the notice it was opened on; a new notice starts folded again.
  const [shownFor, setShownFor] = useState<NoticeMessage | null>(null);
  const showOther = notice !== null && shownFor === notice;
  if (!notice) return null;
  const [first, second] = language === 'zh' ? [notice.message_zh, notice.message_en] : [notice.message_en, notice.message_zh];
  const otherLang = language === 'zh' ? 'en' : 'zh-CN';
  return (
    <MessageBar intent={notice.intent} layout="multiline" role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        <MessageBarTitle>{first}</MessageBarTitle>
        {second && second !== first ? (
          <Button appearance="transparent" size="small" className={styles.toggle} aria-expanded={showOther} onClick={() => setShownFor(showOther ? null : notice)}>
            <span lang={otherLang}>{showOther ? t('hideOtherLanguage') : t('showOtherLanguage')}</span>
          </Button>
        ) : null}
        {showOther ? (
          <span className={styles.other} lang={otherLang}>
            {second}
          </span>
        ) : null}
        {notice.detail ? <span className={styles.detail}>{notice.detail}</span> : null}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A failure of excel/, api/ or a check as a notice. */
export function failureNotice(failure: { message_zh: string; message_en: string; detail?: string }): NoticeMessage {
  return { intent: 'error', message_zh: failure.message_zh, message_en: failure.message_en, ...(failure.detail ? { detail: failure.detail } : {}) };
}
