/**
 * The base of the product's thrown errors: a stable kebab-case `code` (Frictionless-style: the kind of
 * problem, never renamed), the Chinese and the English message, and `message` as both joined by " / "
 * (with a detail in brackets when given), which is the one line the CLI prints and the logs keep.
 * The field names are the wire names of contract.md's error body (`code`, `message_zh`, `message_en`).
 * Each subclass sets its own `name` (class names do not survive minified bundles).
 */
export class BilingualError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly message_zh: string;
  readonly message_en: string;

  constructor(code: Code, messageZh: string, messageEn: string, detail?: string) {
    super(`${messageZh} / ${messageEn}${detail ? ` (${detail})` : ''}`);
    this.name = 'BilingualError';
    this.code = code;
    this.message_zh = messageZh;
    this.message_en = messageEn;
  }
}
