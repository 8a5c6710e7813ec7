import type { WorkbookGrid } from '#shared/grid/types';
import type { Organisation } from '#shared/org/schema';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { createTemplateRegistry, type TemplateRegistry } from '#shared/spec/template-registry';
import type { SheetValidation } from '#shared/validation/types';
import { validateWorkbook } from '#shared/validation/validate-workbook';
import { WorkbookUnusableError } from '#shared/validation/workbook-unusable-error';
import { capFindingCodes } from '#shared/findings/codes';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { readLimitsFor } from '#shared/xlsx/workbook-limits';
import { WorkbookReadError } from '#shared/xlsx/workbook-read-error';
import { CliError } from './cli-error';
import { readInputFile, type Progress } from './io';

/** The templates the CLI knows: the built-in ones. */
export const templateRegistry: TemplateRegistry = createTemplateRegistry(builtinTemplates);

export interface CheckedFile {
  path: string;
  bytes: Uint8Array;
  workbook: WorkbookGrid;
  validation: SheetValidation;
}

export interface CheckFileOptions {
  asOf: string;
  organisation?: Organisation;
  progress?: Progress;
}

/** Reads a workbook file and validates its template sheet; a file that cannot be used is a CliError naming it. */
export async function checkFile(path: string, options: CheckFileOptions): Promise<CheckedFile> {
  const bytes = await readInputFile(path);
  options.progress?.step(`读取 / reading ${path}`);
  const workbook = await readWorkbookFile(path, bytes);
  options.progress?.step(`校验 / validating ${path}`);
  try {
    const validation = validateWorkbook(workbook, templateRegistry, { asOf: options.asOf, organisation: options.organisation });
    // A sheet over a cap (its rows) cannot be used as a whole: one line naming the cap, exit 2, as the server's 413.
    const cap = validation.findings.find((f) => (capFindingCodes as ReadonlySet<string>).has(f.code));
    if (cap) throw new CliError(`${path}：${cap.message_zh}`, `${path}: ${cap.message_en}`);
    return { path, bytes, workbook, validation };
  } catch (error) {
    if (error instanceof WorkbookUnusableError) throw new CliError(`${path}：${error.message_zh}`, `${path}: ${error.message_en}`);
    throw error;
  }
}

export async function readWorkbookFile(path: string, bytes: Uint8Array): Promise<WorkbookGrid> {
  try {
    // The read caps (unpacked size, rows, cells) of the templates the CLI knows, checked before the workbook is built.
    return await readWorkbook(bytes, readLimitsFor(templateRegistry.all));
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new CliError(`${path}：${error.message_zh}`, `${path}: ${error.message_en}`);
    throw error;
  }
}
