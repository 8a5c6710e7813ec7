import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import { isFormulaLikeText } from '../security/is-formula-like-text';
import type { TemplateSpec } from '../spec/schema';
import { planSummaryWorkbook, type UnitRows } from '../summary-sheet/plan-summary-workbook';
import type { SummarySheetPlan, SummaryWorkbookPlan } from '../summary-sheet/types';
import type { ConsolidatedSummary } from '../summary/consolidated-summary';
import { addChartToWorkbook } from './_lib/add-chart-to-workbook';
import { toUint8Array } from './_lib/bytes';
import { headerStyle, NUMBER_FORMATS, style, thinBorders } from './_lib/styles';

export type { UnitRows } from '../summary-sheet/plan-summary-workbook';

/**
 * Writes the consolidated summary as the summary workbook (`pts summary --out`, `GET /consolidated.xlsx`):
 * the plan of planSummaryWorkbook drawn with ExcelJS, then its chart added to the package.
 */
export async function writeSummaryWorkbook(spec: TemplateSpec, summary: ConsolidatedSummary, rows?: readonly UnitRows[]): Promise<Uint8Array> {
  return drawSummaryWorkbook(planSummaryWorkbook(spec, summary, rows ? { rows } : {}));
}

/**
 * Draws a planned summary workbook. Texts that a spreadsheet could take for a formula are written as plain
 * strings in a text-formatted cell (see shared/src/security/neutralise-formula-text.ts).
 */
export async function drawSummaryWorkbook(plan: SummaryWorkbookPlan): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'pts';
  workbook.title = plan.title;
  for (const sheetPlan of plan.sheets) drawSheet(workbook.addWorksheet(sheetPlan.name), sheetPlan);
  const bytes = toUint8Array(await workbook.xlsx.writeBuffer());
  // ExcelJS writes no charts: the chart parts go into the package it wrote.
  return plan.chart ? addChartToWorkbook(bytes, plan.chart) : bytes;
}

/** '#FDE2E1' as ExcelJS's ARGB. */
function argb(colour: string): string {
  return `FF${colour.replace('#', '').toUpperCase()}`;
}

function drawSheet(sheet: Worksheet, plan: SummarySheetPlan): void {
  plan.titleRows.forEach((values, r) => values.forEach((value, c) => setValue(sheet.getCell(r + 1, c + 1), value)));
  const title = sheet.getCell(1, 1);
  title.font = { bold: true, size: 16 };
  sheet.getRow(1).height = 28;

  const headerRow = sheet.getRow(plan.headerRow);
  headerRow.height = 32;
  plan.header.forEach((label, c) => {
    const cell = headerRow.getCell(c + 1);
    cell.style = { ...headerStyle(), numFmt: NUMBER_FORMATS.text };
    setValue(cell, label);
    sheet.getColumn(c + 1).width = plan.columnWidths[c];
  });

  plan.body.forEach((values, r) => {
    const row = sheet.getRow(plan.headerRow + 1 + r);
    const mark = plan.rowStyles[r];
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      cell.style = style({
        border: thinBorders,
        numFmt: plan.columnFormats[c],
        font: mark?.bold ? { bold: true } : {},
        ...(mark?.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(mark.fill) } } } : {}),
      });
      setValue(cell, value);
    });
  });

  const lastRow = plan.headerRow + plan.body.length;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: plan.headerRow, topLeftCell: `A${plan.headerRow + 1}` }];
  sheet.autoFilter = { from: { row: plan.headerRow, column: 1 }, to: { row: lastRow, column: plan.header.length } };
  const print = plan.print;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToWidth,
    fitToHeight: print.fitToHeight,
    horizontalCentered: true,
  };
  sheet.pageSetup.printTitlesRow = `${print.titleRows[0]}:${print.titleRows[1]}`;
}

/** A text as a plain string value; one that starts like a formula gets the text format, so editing it keeps it text. */
function setValue(cell: Cell, value: string | number | null): void {
  if (value === null) return;
  cell.value = value;
  if (typeof value === 'string' && isFormulaLikeText(value)) cell.numFmt = NUMBER_FORMATS.text;
}
