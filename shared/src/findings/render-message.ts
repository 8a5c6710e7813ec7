import type { MessageTemplate } from './codes';

/** A text in both languages, for a slot whose content depends on the language. */
export type LocalisedText = MessageTemplate;
export type SlotValue = string | number | boolean | null | LocalisedText;
export type MessageSlots = Readonly<Record<string, SlotValue>>;
export type Language = 'zh' | 'en';

/** A template split once into literal text (even places) and slot names (odd places). */
type CompiledTemplate = readonly string[];

const SLOT = /\{([A-Za-z]+)\}/;
const compiledTemplates = new Map<string, CompiledTemplate>();
const hasOwn = Object.prototype.hasOwnProperty;

/** Fills the named slots of a message template, in Chinese and in English. Unknown slots stay as written. */
export function renderMessage(template: MessageTemplate, slots: MessageSlots): { message_zh: string; message_en: string } {
  return { message_zh: fill(template.zh, slots, 'zh'), message_en: fill(template.en, slots, 'en') };
}

/**
 * Fills one language of a finding's message template: `address` always names the place, the
 * finding's own `slots` come next, then its `value` and `fix` (a slot of the same name overrides
 * them). Unknown slots stay as written. Builds no merged slot object (findings are made by the thousand).
 */
export function fillFindingText(
  text: string,
  language: Language,
  address: string,
  value: SlotValue,
  fix: SlotValue,
  slots: MessageSlots,
): string {
  const parts = compile(text);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    if (name === 'address') out += address;
    else if (hasOwn.call(slots, name)) out += slotText(slots[name], language);
    else if (name === 'value') out += slotText(value, language);
    else if (name === 'fix') out += slotText(fix, language);
    else out += `{${name}}`;
    out += parts[i + 1];
  }
  return out;
}

function fill(text: string, slots: MessageSlots, language: Language): string {
  const parts = compile(text);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += hasOwn.call(slots, name) ? slotText(slots[name], language) : `{${name}}`;
    out += parts[i + 1];
  }
  return out;
}

function slotText(slot: SlotValue, language: Language): string {
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
