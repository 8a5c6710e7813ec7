import type { MessageTemplate } from './codes';
import { renderMessage, type LocalisedText, type MessageSlots } from './render-message';

/** Fills a phrase of the catalogue (`slotPhrases`) into a text in both languages, to serve as a slot of a message. */
export function localisePhrase(phrase: MessageTemplate, slots: MessageSlots): LocalisedText {
  const rendered = renderMessage(phrase, slots);
  return { zh: rendered.message_zh, en: rendered.message_en };
}
