/** The note a rejected file's line carries in the summary table and workbook: 有错误（3 处）. */
export function rejectedFileNote(errors: number): string {
  return `有错误（${errors} 处）`;
}
