/** Workbooks (.xlsx, from and to bytes): templates, summaries and fixes written with ExcelJS; filled sheets read by the streaming reader (read/). */
export { writeTemplateWorkbook, type WriteTemplateWorkbookOptions } from './write-template-workbook';
export { readWorkbook } from './read-workbook';
export { WorkbookReadError, WorkbookTooLargeError, type WorkbookReadErrorCode } from './workbook-read-error';
export { DEFAULT_WORKBOOK_READ_LIMITS, readLimitsFor, type WorkbookReadLimits } from './workbook-limits';
export { writeFixesToWorkbook } from './patch/write-fixes-to-workbook';
export { writeSummaryWorkbook, SUMMARY_SHEET_NAME, ROWS_SHEET_NAME, type UnitRows } from './write-summary-workbook';
