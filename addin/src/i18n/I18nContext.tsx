import { createContext, useContext } from 'react';
import { translate, type Language, type MessageKey } from './messages';

export interface I18n {
  language: Language;
  t(key: MessageKey, slots?: Record<string, string | number>): string;
}

export const I18nContext = createContext<I18n>({ language: 'zh', t: (key, slots) => translate('zh', key, slots) });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
