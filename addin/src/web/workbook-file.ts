/**
 * The one place where the web page reads and writes .xlsx bytes: the shared reader (`readWorkbook`) and the
 * fix writer (`writeFixesToWorkbook`, which changes only the cells it is given). When either is replaced by
 * another entry point, only this module changes.
 */
import type { Finding } from '#shared/findings/types';
import type { WorkbookGrid } from '#shared/grid/types';
import type { TemplateSpec } from '#shared/spec/schema';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { writeFixesToWorkbook } from '#shared/xlsx/patch/write-fixes-to-workbook';
import { WorkbookReadError } from '#shared/xlsx/workbook-read-error';

export type WorkbookFileResult<T> = { ok: true; value: T } | { ok: false; message_zh: string; message_en: string; detail?: string };

/** Reads a file the user opened; a file that is not a usable .xlsx is a failure in both languages, never a throw. */
export async function readWorkbookFile(bytes: Uint8Array): Promise<WorkbookFileResult<WorkbookGrid>> {
  try {
    return { ok: true, value: await readWorkbook(bytes) };
  } catch (error) {
    if (error instanceof WorkbookReadError) return { ok: false, message_zh: error.message_zh, message_en: error.message_en };
    return { ok: false, message_zh: '无法读取该文件', message_en: 'The file cannot be read', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** The workbook with the given cells changed (fixes, edits, a header block), every other part as it was. */
export async function writeCellsToWorkbookFile(bytes: Uint8Array, spec: TemplateSpec, cells: readonly Finding[]): Promise<WorkbookFileResult<Uint8Array>> {
  try {
    return { ok: true, value: await writeFixesToWorkbook(bytes, spec, cells) };
  } catch (error) {
    return { ok: false, message_zh: '无法写出修正后的文件', message_en: 'The fixed file cannot be written', detail: error instanceof Error ? error.message : String(error) };
  }
}
