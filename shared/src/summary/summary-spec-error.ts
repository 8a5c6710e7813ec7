import { BilingualError } from '../errors/bilingual-error';

/** Thrown when a spec's summary cannot be computed (a ratio naming an unknown label) or an aggregate does not fit the spec. */
export class SummarySpecError extends BilingualError<'summary-spec-error'> {
  constructor(message_zh: string, message_en: string) {
    super('summary-spec-error', message_zh, message_en);
    this.name = 'SummarySpecError';
  }
}
