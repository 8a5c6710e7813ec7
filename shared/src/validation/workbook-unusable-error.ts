import { BilingualError } from '../errors/bilingual-error';

/** Why a workbook cannot be checked at all. */
export type WorkbookUnusableCode = 'unknown-template' | 'no-template-sheet';

/**
 * Thrown when a workbook holds no sheet that can be checked: its identity names a template the
 * registry does not know, or no sheet carries an identity or the name of a current template.
 * `message` is the Chinese and the English message, joined by " / ".
 */
export class WorkbookUnusableError extends BilingualError<WorkbookUnusableCode> {
  constructor(code: WorkbookUnusableCode, message_zh: string, message_en: string) {
    super(code, message_zh, message_en);
    this.name = 'WorkbookUnusableError';
  }
}
