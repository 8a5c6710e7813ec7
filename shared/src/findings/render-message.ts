import type { MessageTemplate } from './codes';

/** A text in both languages, for a slot whose content depends on the language. */
export type LocalisedText = MessageTemplate;
export type SlotValue = string | number | boolean | null | LocalisedText;
export type MessageSlots = Readonly<Record<string, SlotValue>>;

const SLOT = /\{([A-Za-z]+)\}/g;

/** Fills the named slots of a message template, in Chinese and in English. Unknown slots stay as written. */
export function renderMessage(template: MessageTemplate, slots: MessageSlots): { message_zh: string; message_en: string } {
  return { message_zh: fill(template.zh, slots, 'zh'), message_en: fill(template.en, slots, 'en') };
}

function fill(text: string, slots: MessageSlots, language: 'zh' | 'en'): string {
  return text.replace(SLOT, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(slots, name)) return whole;
    const slot = slots[name];
    if (slot === null) return language === 'zh' ? '（空）' : '(empty)';
    if (typeof slot === 'object') return slot[language];
    return String(slot);
  });
}
