import { BilingualError } from '../errors/bilingual-error';

/** Thrown when a day, month, period or deadline is not written as the helpers expect (YYYY-MM-DD, YYYY-MM, HH:mm). */
export class PeriodFormatError extends BilingualError<'period-format-error'> {
  constructor(message_zh: string, message_en: string) {
    super('period-format-error', message_zh, message_en);
    this.name = 'PeriodFormatError';
  }
}
