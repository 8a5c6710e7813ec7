/** Thrown when a day, month, period or deadline is not written as the helpers expect (YYYY-MM-DD, YYYY-MM, HH:mm). */
export class PeriodFormatError extends Error {
  readonly message_zh: string;
  readonly message_en: string;

  constructor(message_zh: string, message_en: string) {
    super(`${message_zh} / ${message_en}`);
    this.name = 'PeriodFormatError';
    this.message_zh = message_zh;
    this.message_en = message_en;
  }
}
