import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { TemplateSpec } from '#shared/spec/schema';
import { compactDataValidations } from '#shared/xlsx/_lib/compact-data-validations';
import { writeTemplateWorkbook } from '#shared/xlsx/write-template-workbook';

export type FillValue = string | number | boolean | Date | null;

export interface FillTemplateOptions {
  /** Header block values by field key, dates as YYYY-MM-DD. */
  header?: Record<string, string | number>;
  /** Data rows from the first data row on, values by column letter. */
  rows?: Record<string, FillValue>[];
  /** Cells to set anywhere, by A1 address (to break the template on purpose). */
  cells?: Record<string, FillValue>;
  /** True writes the texts of the template sheet as inline strings (`t="inlineStr"`) instead of shared strings. */
  inlineStrings?: boolean;
}

/** A filled template as an outlet would send it: the issued workbook with values typed into it. */
export async function fillTemplate(spec: TemplateSpec, options: FillTemplateOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS types its own Buffer; at run time it takes a Node Buffer.
  await workbook.xlsx.load(Buffer.from(await writeTemplateWorkbook(spec, { header: options.header })) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(spec.sheetName)!;
  (options.rows ?? []).forEach((row, i) => {
    for (const [col, value] of Object.entries(row)) sheet.getCell(`${col}${spec.firstDataRow + i}`).value = value;
  });
  for (const [address, value] of Object.entries(options.cells ?? {})) sheet.getCell(address).value = value;
  compactDataValidations(sheet);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return options.inlineStrings ? inlineSharedStrings(bytes, 'xl/worksheets/sheet1.xml') : bytes;
}

/** Rewrites the shared-string cells of one sheet part as inline strings, as some writers (and LibreOffice in places) do. */
async function inlineSharedStrings(bytes: Uint8Array, sheetPath: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const shared = await zip.file('xl/sharedStrings.xml')!.async('string');
  const strings = [...shared.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''),
  );
  const sheet = await zip.file(sheetPath)!.async('string');
  const inlined = sheet.replace(/<c r="([A-Z]+\d+)"((?: s="\d+")?) t="s"><v>(\d+)<\/v><\/c>/g, (_all, ref: string, style: string, index: string) => {
    // The text is taken from sharedStrings.xml as XML, already escaped.
    return `<c r="${ref}"${style} t="inlineStr"><is><t>${strings[Number(index)]}</t></is></c>`;
  });
  zip.file(sheetPath, inlined);
  return zip.generateAsync({ type: 'uint8array' });
}
