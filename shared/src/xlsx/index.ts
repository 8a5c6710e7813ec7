/** Workbooks (.xlsx, from and to bytes): templates and summaries written with ExcelJS, fixes patched into the sheet part (patch/), filled sheets read by the streaming reader (read/). */
export { writeTemplateWorkbook, type WriteTemplateWorkbookOptions } from './write-template-workbook';
export { readWorkbook } from './read-workbook';
export { WorkbookReadError, WorkbookTooLargeError, type WorkbookReadErrorCode } from './workbook-read-error';
export { DEFAULT_WORKBOOK_READ_LIMITS, readLimitsFor, type WorkbookReadLimits } from './workbook-limits';
export { writeFixesToWorkbook } from './patch/write-fixes-to-workbook';
export { writeSummaryWorkbook, drawSummaryWorkbook, type UnitRows } from './write-summary-workbook';
