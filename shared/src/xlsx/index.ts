/** Workbooks (.xlsx, ExcelJS, from and to bytes): templates, reading filled sheets, fixes, summaries. */
export { writeTemplateWorkbook, type WriteTemplateWorkbookOptions } from './write-template-workbook';
export { readWorkbook } from './read-workbook';
export { WorkbookReadError, WorkbookTooLargeError, type WorkbookReadErrorCode } from './workbook-read-error';
export { DEFAULT_WORKBOOK_READ_LIMITS, readLimitsFor, type WorkbookReadLimits } from './workbook-limits';
export { writeFixesToWorkbook } from './write-fixes-to-workbook';
export { writeSummaryWorkbook, drawSummaryWorkbook, type UnitRows } from './write-summary-workbook';
