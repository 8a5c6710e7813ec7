/** Why a workbook cannot be checked at all. */
export type WorkbookUnusableCode = 'unknown-template' | 'no-template-sheet';

/**
 * Thrown when a workbook holds no sheet that can be checked: its identity names a template the
 * registry does not know, or no sheet carries an identity or the name of a current template.
 * `message` is the Chinese and the English message, joined by " / ".
 */
export class WorkbookUnusableError extends Error {
  readonly code: WorkbookUnusableCode;
  readonly message_zh: string;
  readonly message_en: string;

  constructor(code: WorkbookUnusableCode, message_zh: string, message_en: string) {
    super(`${message_zh} / ${message_en}`);
    this.name = 'WorkbookUnusableError';
    this.code = code;
    this.message_zh = message_zh;
    this.message_en = message_en;
  }
}
