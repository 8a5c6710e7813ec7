/** Exit codes of `pts` (contract.md): 0 fine (warnings allowed), 1 the sheet has errors, 2 the file or the arguments cannot be used. */
export const EXIT_OK = 0;
export const EXIT_SHEET_ERRORS = 1;
export const EXIT_UNUSABLE = 2;

/** A problem with the arguments or an input file: printed as one line (zh / en), exit code 2. */
export class CliError extends Error {
  readonly message_zh: string;
  readonly message_en: string;

  constructor(message_zh: string, message_en: string) {
    super(`${message_zh} / ${message_en}`);
    this.name = 'CliError';
    this.message_zh = message_zh;
    this.message_en = message_en;
  }
}
