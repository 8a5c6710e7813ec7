import { BilingualError } from '../errors/bilingual-error';
import type { Finding } from '../findings/types';

/** Why a file could not be read as a workbook. */
export type WorkbookReadErrorCode = 'not-xlsx' | 'legacy-xls' | 'encrypted' | 'corrupt' | 'empty' | 'too-large';

const MESSAGES: Record<WorkbookReadErrorCode, { zh: string; en: string }> = {
  'not-xlsx': { zh: '文件不是 Excel 工作簿（.xlsx）', en: 'the file is not an Excel workbook (.xlsx)' },
  'legacy-xls': {
    zh: '文件是旧版 Excel 格式（.xls），请在 Excel 中另存为 .xlsx',
    en: 'the file is in the old Excel format (.xls); save it as .xlsx in Excel',
  },
  encrypted: {
    zh: '工作簿已加密（设置了打开密码），请取消密码后再提交',
    en: 'the workbook is encrypted (has an opening password); remove the password and try again',
  },
  corrupt: { zh: '工作簿已损坏或不完整，无法读取', en: 'the workbook is corrupt or truncated and cannot be read' },
  empty: { zh: '工作簿中没有任何工作表', en: 'the workbook contains no worksheet' },
  'too-large': { zh: '工作簿超过读取上限，未读取', en: 'the workbook is over a reading cap and was not read' },
};

/** Thrown by readWorkbook when the bytes cannot be used as an .xlsx workbook. */
export class WorkbookReadError extends BilingualError<WorkbookReadErrorCode> {
  /** `messages` replaces the code's own (a cap names its number). */
  constructor(code: WorkbookReadErrorCode, detail?: string, messages?: { zh: string; en: string }) {
    const { zh, en } = messages ?? MESSAGES[code];
    super(code, zh, en, detail);
    this.name = 'WorkbookReadError';
  }
}

/**
 * A file over a reading cap (workbook-limits.ts): the upload, what it unpacks to, its files, a
 * worksheet's rows or the cells. Read nothing further. `finding` (upload-too-large or too-many-rows)
 * names the cap; its messages are this error's. The server answers 413, the CLI exits 2.
 */
export class WorkbookTooLargeError extends WorkbookReadError {
  readonly finding: Finding;

  constructor(finding: Finding) {
    super('too-large', undefined, { zh: finding.message_zh, en: finding.message_en });
    this.name = 'WorkbookTooLargeError';
    this.finding = finding;
  }
}
