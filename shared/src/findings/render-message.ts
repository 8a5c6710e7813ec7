import type { MessageTemplate } from './codes';

/** A text in both languages, for a slot whose content depends on the language. */
export type LocalisedText = MessageTemplate;
export type SlotValue = string | number | boolean | null | LocalisedText;
export type MessageSlots = Readonly<Record<string, SlotValue>>;

/** A template split once into literal text (even places) and slot names (odd places). */
type CompiledTemplate = readonly string[];

const SLOT = /\{([A-Za-z]+)\}/;
const compiledTemplates = new Map<string, CompiledTemplate>();

/** Fills the named slots of a message template, in Chinese and in English. Unknown slots stay as written. */
export function renderMessage(template: MessageTemplate, slots: MessageSlots): { message_zh: string; message_en: string } {
  return { message_zh: fill(template.zh, slots, 'zh'), message_en: fill(template.en, slots, 'en') };
}

function fill(text: string, slots: MessageSlots, language: 'zh' | 'en'): string {
  const parts = compile(text);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += Object.prototype.hasOwnProperty.call(slots, name) ? slotText(slots[name], language) : `{${name}}`;
    out += parts[i + 1];
  }
  return out;
}

function slotText(slot: SlotValue, language: 'zh' | 'en'): string {
  if (slot === null) return language === 'zh' ? '（空）' : '(empty)';
  if (typeof slot === 'object') return slot[language];
  return String(slot);
}

function compile(text: string): CompiledTemplate {
  let parts = compiledTemplates.get(text);
  if (!parts) {
    parts = text.split(SLOT);
    if (compiledTemplates.size < 1000) compiledTemplates.set(text, parts);
  }
  return parts;
}
