import { BilingualError } from '#shared/errors/bilingual-error';

/** Exit codes of `pts` (contract.md): 0 fine (warnings allowed), 1 the sheet has errors, 2 the file or the arguments cannot be used. */
export const EXIT_OK = 0;
export const EXIT_SHEET_ERRORS = 1;
export const EXIT_UNUSABLE = 2;

/** A problem with the arguments or an input file: printed as one line (zh / en), exit code 2. */
export class CliError extends BilingualError<'cli-error'> {
  constructor(message_zh: string, message_en: string) {
    super('cli-error', message_zh, message_en);
    this.name = 'CliError';
  }
}
