import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';

/** A message for the user: Chinese and English, shown in the selected language first. */
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
});

export function Notice({ notice }: NoticeProps) {
  const styles = useStyles();
  const { language } = useI18n();
  if (!notice) return null;
  const [first, second] = language === 'zh' ? [notice.message_zh, notice.message_en] : [notice.message_en, notice.message_zh];
  return (
    <MessageBar intent={notice.intent} layout="multiline" role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        <MessageBarTitle>{first}</MessageBarTitle>
        <span className={styles.other} lang={language === 'zh' ? 'en' : 'zh-CN'}>
          {second}
        </span>
        {notice.detail ? <span className={styles.detail}>{notice.detail}</span> : null}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A failure of excel/, api/ or a check as a notice. */
export function failureNotice(failure: { message_zh: string; message_en: string; detail?: string }): NoticeMessage {
  return { intent: 'error', message_zh: failure.message_zh, message_en: failure.message_en, ...(failure.detail ? { detail: failure.detail } : {}) };
}
