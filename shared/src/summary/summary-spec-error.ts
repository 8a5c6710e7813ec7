/** Thrown when a spec's summary cannot be computed (a ratio naming an unknown label) or an aggregate does not fit the spec. */
export class SummarySpecError extends Error {
  readonly message_zh: string;
  readonly message_en: string;

  constructor(message_zh: string, message_en: string) {
    super(`${message_zh} / ${message_en}`);
    this.name = 'SummarySpecError';
    this.message_zh = message_zh;
    this.message_en = message_en;
  }
}
