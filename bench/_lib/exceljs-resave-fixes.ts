import ExcelJS from 'exceljs';
import type { Finding } from '#shared/findings/types';
import type { TemplateSpec, ValueType } from '#shared/spec/schema';
import { toBuffer, toUint8Array } from '#shared/xlsx/_lib/bytes';
import { compactDataValidations } from '#shared/xlsx/_lib/compact-data-validations';
import { isoDayToDate } from '#shared/xlsx/_lib/excel-date';
import { normaliseProtectionFlags } from '#shared/xlsx/_lib/normalise-protection-flags';
import { NUMBER_FORMATS } from '#shared/xlsx/_lib/styles';
import { isFormulaFix } from '#shared/validation/is-formula-fix';

/**
 * The ExcelJS re-save `pts fix` used before the patch writer (shared/src/xlsx/patch/), kept only as the
 * benchmark's baseline: it loads the whole workbook model and writes every part again.
 * Writes the fixes of findings (their `fix` values) into the workbook's own cells and returns the
 * new .xlsx bytes: styles, drop-downs, formulas, protection and the identity sheet stay as they were
 * (also the protection of a sheet LibreOffice saved, see normaliseProtectionFlags).
 * A date fix (`2026-12-08`) is written as a date; a cell without a date format then gets one. A
 * formula fix (isFormulaFix: the template's formula of a typed-over or emptied computed cell) is
 * written as that formula.
 * The totals' cached results were computed before the fix: the workbook is marked for full
 * recalculation on load (Excel), and the formula cells of the fixed sheets lose their cached
 * results, which every spreadsheet computes on load (LibreOffice ignores fullCalcOnLoad). Their
 * formulas stay as they are.
 */
export async function resaveFixesWithExcelJs(bytes: Uint8Array, spec: TemplateSpec, fixes: readonly Finding[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS types its own `Buffer` (an ArrayBuffer); at run time it takes a Node Buffer.
  await workbook.xlsx.load(toBuffer(await normaliseProtectionFlags(bytes)) as unknown as ExcelJS.Buffer);
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  for (const finding of fixes) {
    if (finding.fix === null || finding.row === undefined || finding.column === undefined) continue;
    const sheet = workbook.getWorksheet(finding.address.slice(0, finding.address.lastIndexOf('!')));
    if (!sheet) continue;
    const cell = sheet.getCell(`${finding.column}${finding.row}`);
    if (isFormulaFix(finding)) {
      cell.value = { formula: finding.fix.replace(/^=/, ''), date1904: false };
      continue;
    }
    const day = valueTypeAt(spec, finding.column, finding.row) === 'date' && typeof finding.fix === 'string' ? isoDayToDate(finding.fix) : undefined;
    if (day) {
      cell.value = day;
      if (!/[yd]/i.test(cell.numFmt ?? '')) cell.numFmt = NUMBER_FORMATS.date;
    } else {
      cell.value = finding.fix;
    }
  }
  const fixedSheets = new Set(fixes.map((finding) => finding.address.slice(0, finding.address.lastIndexOf('!'))));
  for (const sheet of workbook.worksheets) {
    if (fixedSheets.has(sheet.name)) dropCachedResults(sheet);
    compactDataValidations(sheet);
  }
  return toUint8Array(await workbook.xlsx.writeBuffer());
}

/** Removes the cached result of every formula cell of the sheet, so that the next spreadsheet to open it computes it. */
function dropCachedResults(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      const value = cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
      if (value.result === undefined) return;
      const { result: _dropped, ...withoutResult } = value;
      cell.value = withoutResult as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
    });
  });
}

function valueTypeAt(spec: TemplateSpec, column: string, row: number): ValueType | undefined {
  if (row >= spec.firstDataRow) return spec.columns.find((c) => c.col === column)?.type;
  return spec.headerFields.find((f) => f.valueCell === `${column}${row}`)?.type;
}
