/**
 * The WorkbookHost on Office.js: the only module of the pane that names `Excel`.
 *
 * Round trips: every method is one `Excel.run`. Reading takes one sync (used range values and formulas,
 * the `_pts_meta` identities and the add-in's own highlight rules together); writing takes one more.
 * The number of syncs does not depend on the number of rows; only a summary whose payload would pass
 * Excel's 5 MB request limit is written in chunks, one sync each. `lastSyncCount` says how many the last action took.
 *
 * Highlights are conditional formats the add-in owns, recognised by their marker formula
 * (=N("pts-error")=0, always true). A conditional format paints over the cell without changing its own fill,
 * so the user's formatting is never read, changed or restored; clearing deletes only the rules with our marker.
 */
import type { CellValue, SheetIdentity } from '#shared/grid/types';
import { IDENTITY_SHEET_NAME } from '#shared/grid/types';
import { columnLetters, parseCellAddress, rangeAddress } from '../sheets/addresses';
import { isFormulaLikeText } from '../sheets/formula-text';
import { planSequenceNumbers } from '../sheets/plan-template-sheet';
import { freeSheetName, identityRow } from '../sheets/sheet-names';
import {
  hostFailure,
  type ActiveSheetRead,
  type CellWrite,
  type HighlightCell,
  type HostResult,
  type SequencePlan,
  type SheetUpdate,
  type TemplateSheetPlan,
  type WorkbookHost,
} from './workbook-host';
import type { SummarySheetPlan, SummaryWorkbookPlan } from '#shared/summary-sheet/types';

export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const HIGHLIGHT_MARKERS = { error: '=N("pts-error")=0', warning: '=N("pts-warning")=0' } as const;
/** Fill colours of the highlights (light red, light amber), as Excel wants them. */
const HIGHLIGHT_FILLS = { error: '#F8D7DA', warning: '#FFF3CD' } as const;
/** The summary table's header fill and borders, as the ExcelJS writer draws them (shared/src/xlsx/_lib/styles.ts). */
const HEADER_FILL = '#DDEBF7';
const BORDER_COLOUR = '#8EA9C1';
const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

/** Office.js sets column widths in points; a plan gives characters of the default font (7 px each, 5 px padding, 0.75 pt a px). */
export function characterWidthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
/** Stay well under Excel's 5 MB request payload (Excel on the web refuses more). */
export const MAX_PAYLOAD_CHARS = 4_000_000;
/** Addresses joined for one RangeAreas stay under this length. */
const MAX_AREAS_CHARS = 2_000;

interface Counted {
  context: Excel.RequestContext;
  sync(): Promise<void>;
}

function toFailure(error: unknown) {
  const detail = error instanceof Error ? error.message : String(error);
  return hostFailure('office-error', detail);
}

/** Number formats for a block: the given format, or '@' where a text would be read as a formula. */
function formatsFor(values: CellValue[][], columnFormats: string[]): string[][] {
  return values.map((row) => row.map((v, c) => (isFormulaLikeText(v) ? '@' : columnFormats[c] || 'General')));
}

/** A rectangle of values with ragged rows padded ('' for empty cells). */
function rectangle(values: CellValue[][], width?: number): CellValue[][] {
  const w = width ?? values.reduce((m, r) => Math.max(m, r.length), 0);
  return values.map((r) => Array.from({ length: w }, (_, i) => r[i] ?? ''));
}

function gridFromUsedRange(values: CellValue[][], formulas: unknown[][], rowIndex: number, columnIndex: number) {
  const pad = <T>(rows: T[][], empty: T): T[][] => [
    ...Array.from({ length: rowIndex }, () => [] as T[]),
    ...rows.map((r) => [...Array.from({ length: columnIndex }, () => empty), ...r]),
  ];
  const cleanValues = values.map((r) => r.map((v) => (v === '' ? null : v)));
  const cleanFormulas = formulas.map((r) => r.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null)));
  return { values: pad(cleanValues, null), formulas: pad(cleanFormulas, null) };
}

function identitiesFrom(values: CellValue[][] | null): SheetIdentity[] {
  if (!values) return [];
  return values
    .filter((r) => typeof r[0] === 'string' && r[0] !== '' && typeof r[1] === 'string' && r[1] !== '')
    .map((r) => ({ sheetName: String(r[0]), id: String(r[1]), version: Number(r[2]) }));
}

/** Groups cell addresses into comma-joined lists short enough for getRanges. */
function addressGroups(cells: string[]): string[] {
  const groups: string[] = [];
  let current = '';
  for (const cell of cells) {
    if (current && current.length + cell.length + 1 > MAX_AREAS_CHARS) {
      groups.push(current);
      current = '';
    }
    current = current ? `${current},${cell}` : cell;
  }
  if (current) groups.push(current);
  return groups;
}

export class OfficeWorkbook implements WorkbookHost {
  /** Syncs of the last action (one Excel.run). */
  lastSyncCount = 0;

  constructor(private readonly run: ExcelRunner = (batch) => Excel.run(batch)) {}

  private async action<T>(batch: (c: Counted) => Promise<HostResult<T>>): Promise<HostResult<T>> {
    this.lastSyncCount = 0;
    try {
      return await this.run(async (context) => {
        const counted: Counted = {
          context,
          sync: async () => {
            this.lastSyncCount += 1;
            await context.sync();
          },
        };
        return batch(counted);
      });
    } catch (error) {
      return toFailure(error);
    }
  }

  /** Queues the loads of a read: active sheet, used range, identity sheet, our highlight rules. */
  private queueRead(context: Excel.RequestContext, withHighlights: boolean) {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    // Values only: the template's formatted but empty rows stay out of the payload.
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('values,formulas,rowIndex,columnIndex');
    const metaRange = context.workbook.worksheets.getItemOrNullObject(IDENTITY_SHEET_NAME).getUsedRangeOrNullObject(true);
    metaRange.load('values');
    let rules: Excel.ConditionalFormatCollection | null = null;
    if (withHighlights) {
      rules = sheet.getRange().conditionalFormats;
      rules.load('items/type,items/customOrNullObject/rule/formula');
    }
    return { sheet, used, metaRange, rules };
  }

  private readResult(loaded: ReturnType<OfficeWorkbook['queueRead']>): ActiveSheetRead {
    const { sheet, used, metaRange } = loaded;
    const grid = used.isNullObject
      ? { values: [] as CellValue[][], formulas: [] as (string | null)[][] }
      : gridFromUsedRange(used.values as CellValue[][], used.formulas as unknown[][], used.rowIndex, used.columnIndex);
    return {
      sheetName: sheet.name,
      workbook: {
        sheets: [{ sheetName: sheet.name, values: grid.values, formulas: grid.formulas }],
        identities: identitiesFrom(metaRange.isNullObject ? null : (metaRange.values as CellValue[][])),
      },
    };
  }

  /** Deletes the conditional formats that carry our marker (queued; the caller syncs). */
  private static queueDeleteHighlights(rules: Excel.ConditionalFormatCollection): number {
    const markers: string[] = Object.values(HIGHLIGHT_MARKERS);
    let removed = 0;
    for (const rule of rules.items) {
      const custom = rule.customOrNullObject;
      if (rule.type === 'Custom' && !custom.isNullObject && markers.includes(custom.rule.formula)) {
        rule.delete();
        removed += 1;
      }
    }
    return removed;
  }

  private static queueHighlights(sheet: Excel.Worksheet, cells: HighlightCell[]): void {
    for (const severity of ['error', 'warning'] as const) {
      const own = cells.filter((c) => c.severity === severity).map((c) => c.cell);
      for (const group of addressGroups(own)) {
        const rule = sheet.getRanges(group).conditionalFormats.add('Custom');
        rule.custom.rule.formula = HIGHLIGHT_MARKERS[severity];
        rule.custom.format.fill.color = HIGHLIGHT_FILLS[severity];
      }
    }
  }

  private static queueWrites(sheet: Excel.Worksheet, writes: CellWrite[]): void {
    for (const write of writes) {
      const range = sheet.getRange(write.cell);
      if (write.formula !== undefined) {
        // A formula typed into a text-formatted cell stays text: give the cell its number format first.
        range.numberFormat = [[write.numberFormat ?? 'General']];
        range.formulas = [[write.formula]];
        continue;
      }
      if (isFormulaLikeText(write.value)) range.numberFormat = [['@']];
      else if (write.numberFormat) range.numberFormat = [[write.numberFormat]];
      range.values = [[write.value ?? '']];
    }
  }

  readActiveSheet(): Promise<HostResult<ActiveSheetRead>> {
    return this.action(async ({ context, sync }) => {
      const loaded = this.queueRead(context, false);
      await sync();
      return { ok: true, value: this.readResult(loaded) };
    });
  }

  updateActiveSheet<T>(decide: (read: ActiveSheetRead) => SheetUpdate<T>): Promise<HostResult<T>> {
    return this.action(async ({ context, sync }) => {
      const loaded = this.queueRead(context, true);
      await sync();
      const update = decide(this.readResult(loaded));
      const writes = update.writes ?? [];
      if (writes.length === 0 && update.highlights === undefined) return { ok: true, value: update.result };
      OfficeWorkbook.queueWrites(loaded.sheet, writes);
      if (update.highlights !== undefined && loaded.rules) {
        OfficeWorkbook.queueDeleteHighlights(loaded.rules);
        OfficeWorkbook.queueHighlights(loaded.sheet, update.highlights);
      }
      await sync();
      return { ok: true, value: update.result };
    });
  }

  clearHighlights(): Promise<HostResult<number>> {
    return this.action(async ({ context, sync }) => {
      const rules = context.workbook.worksheets.getActiveWorksheet().getRange().conditionalFormats;
      rules.load('items/type,items/customOrNullObject/rule/formula');
      await sync();
      const removed = OfficeWorkbook.queueDeleteHighlights(rules);
      if (removed > 0) await sync();
      return { ok: true, value: removed };
    });
  }

  selectCell(address: string): Promise<HostResult<void>> {
    const ref = parseCellAddress(address);
    if (!ref) return Promise.resolve(hostFailure('bad-address', address));
    return this.action(async ({ context, sync }) => {
      const sheets = context.workbook.worksheets;
      const sheet = ref.sheet ? sheets.getItem(ref.sheet) : sheets.getActiveWorksheet();
      sheet.activate();
      sheet.getRange(`${ref.col}${ref.row}`).select();
      await sync();
      return { ok: true, value: undefined };
    });
  }

  insertTemplateSheet(plan: TemplateSheetPlan): Promise<HostResult<{ sheetName: string }>> {
    return this.action(async ({ context, sync }) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const meta = sheets.getItemOrNullObject(IDENTITY_SHEET_NAME);
      const metaUsed = meta.getUsedRangeOrNullObject(true);
      metaUsed.load('values,rowIndex,columnIndex');
      await sync();
      const sheetName = freeSheetName(plan.sheetName, sheets.items.map((s) => s.name));

      const sheet = sheets.add(sheetName);
      const block = rectangle(plan.cells);
      const width = block[0]?.length ?? 1;
      const blockRange = sheet.getRange(rangeAddress('A', 1, width, block.length));
      const formats = block.map((row, r) =>
        row.map((v, c) => (isFormulaLikeText(v) ? '@' : (plan.cellFormats[`${columnLetters(c + 1)}${r + 1}`] ?? 'General'))),
      );
      blockRange.numberFormat = formats;
      blockRange.values = block;
      for (const [cell, formula] of Object.entries(plan.formulas)) sheet.getRange(cell).formulas = [[formula]];
      for (const bold of plan.boldRanges) sheet.getRange(bold).format.font.bold = true;
      const height = plan.lastDataRow - plan.firstDataRow + 1;
      for (const column of plan.columns) {
        const data = sheet.getRange(rangeAddress(column.col, plan.firstDataRow, 1, height));
        if (column.numberFormat) data.numberFormat = Array.from({ length: height }, () => [column.numberFormat as string]);
        if (column.list) data.dataValidation.rule = { list: { inCellDropDown: true, source: column.list.join(',') } };
        if (column.formulas) data.formulas = column.formulas.map((f) => [f]);
        if (column.width) sheet.getRange(`${column.col}:${column.col}`).format.columnWidth = column.width * 7.5;
      }
      sheet.freezePanes.freezeRows(plan.headerRow);

      const metaSheet = meta.isNullObject ? sheets.add(IDENTITY_SHEET_NAME) : meta;
      if (meta.isNullObject) metaSheet.visibility = 'VeryHidden';
      const metaValues = metaUsed.isNullObject ? [] : gridFromUsedRange(metaUsed.values as CellValue[][], [], metaUsed.rowIndex, metaUsed.columnIndex).values;
      const metaRow = identityRow(metaValues, sheetName);
      const identityRange = metaSheet.getRange(`A${metaRow}:C${metaRow}`);
      identityRange.numberFormat = [['@', '@', '0']];
      identityRange.values = [[sheetName, plan.identity.id, plan.identity.version]];
      sheet.activate();
      if (plan.sequence) {
        const sequence = plan.sequence;
        sheet.onChanged.add(async () => {
          await this.fillSequence(sheetName, sequence);
        });
      }
      await sync();
      return { ok: true, value: { sheetName } };
    });
  }

  /** Numbers the filled rows whose 序号 is empty (run when the sheet changes). Two syncs. */
  fillSequence(sheetName: string, sequence: SequencePlan): Promise<HostResult<number>> {
    return this.action(async ({ context, sync }) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('values,rowIndex,columnIndex');
      await sync();
      if (used.isNullObject) return { ok: true, value: 0 };
      const grid = gridFromUsedRange(used.values as CellValue[][], [], used.rowIndex, used.columnIndex);
      const writes = planSequenceNumbers(sequence, grid.values);
      if (writes.length === 0) return { ok: true, value: 0 };
      OfficeWorkbook.queueWrites(sheet, writes);
      await sync();
      return { ok: true, value: writes.length };
    });
  }

  writeSummarySheets(plan: SummaryWorkbookPlan): Promise<HostResult<{ sheetName: string }>> {
    return this.action(async ({ context, sync }) => {
      const sheets = context.workbook.worksheets;
      const existing = plan.sheets.map((p) => sheets.getItemOrNullObject(p.name));
      await sync();

      // New sheets come in under temporary names; the old ones go only then (a workbook keeps one visible sheet).
      const added: Excel.Worksheet[] = [];
      for (const [i, sheetPlan] of plan.sheets.entries()) {
        const sheet = sheets.add(`pts-summary-new-${i + 1}`);
        await this.drawSummarySheet(sheet, sheetPlan, sync);
        added.push(sheet);
      }
      const chart = plan.chart;
      const chartSheet = chart ? added[plan.sheets.findIndex((p) => p.name === chart.sheetName)] : undefined;
      if (chart && chartSheet) {
        const values = chartSheet.getRange(rangeAddress(columnLetters(chart.valueColumn + 1), chart.firstRow, 1, chart.lastRow - chart.firstRow + 1));
        const categories = chartSheet.getRange(rangeAddress(columnLetters(chart.categoryColumn + 1), chart.firstRow, 1, chart.lastRow - chart.firstRow + 1));
        const drawn = chartSheet.charts.add('BarClustered', values, 'Columns');
        drawn.title.text = chart.title;
        drawn.legend.visible = false;
        drawn.series.getItemAt(0).setXAxisValues(categories);
        // Rank 1 at the top, as in the table and in the written workbook.
        drawn.axes.categoryAxis.reversePlotOrder = true;
        drawn.dataLabels.showValue = true;
        drawn.dataLabels.numberFormat = chart.numberFormat;
        const { fromColumn, fromRow, toColumn, toRow } = chart.anchor;
        // The anchor's end is the corner before (toColumn, toRow): the last cell covered is the one up and left of it.
        drawn.setPosition(`${columnLetters(fromColumn + 1)}${fromRow + 1}`, `${columnLetters(toColumn)}${toRow}`);
      }
      added[0]?.activate();
      for (const old of existing) if (!old.isNullObject) old.delete();
      plan.sheets.forEach((p, i) => (added[i].name = p.name));
      await sync();
      return { ok: true, value: { sheetName: plan.sheets[0]?.name ?? '' } };
    });
  }

  /** Queues one planned sheet: title rows, the table with its formats, marks and borders, widths, frozen header, filter, print set-up. */
  private async drawSummarySheet(sheet: Excel.Worksheet, plan: SummarySheetPlan, sync: () => Promise<void>): Promise<void> {
    plan.titleRows.forEach((values, r) => {
      if (values.length === 0) return;
      const range = sheet.getRange(rangeAddress('A', r + 1, values.length, 1));
      range.numberFormat = formatsFor([values], []);
      range.values = [values];
    });
    const title = sheet.getRange('A1');
    title.format.font.bold = true;
    title.format.font.size = 16;

    const body = rectangle(plan.body, plan.header.length);
    await this.writeBlock(sheet, plan.headerRow, plan.header, body, plan.columnFormats, sync);
    const header = sheet.getRange(rangeAddress('A', plan.headerRow, plan.header.length, 1));
    header.format.fill.color = HEADER_FILL;
    header.format.wrapText = true;
    const lastCol = columnLetters(plan.header.length);
    plan.rowStyles.forEach((style, r) => {
      if (!style) return;
      const line = sheet.getRange(`A${plan.headerRow + 1 + r}:${lastCol}${plan.headerRow + 1 + r}`);
      if (style.fill) line.format.fill.color = style.fill;
      if (style.bold) line.format.font.bold = true;
    });
    const table = sheet.getRange(rangeAddress('A', plan.headerRow, plan.header.length, body.length + 1));
    for (const edge of BORDER_EDGES) {
      const border = table.format.borders.getItem(edge);
      border.style = 'Continuous';
      border.color = BORDER_COLOUR;
    }
    plan.columnWidths.forEach((width, c) => {
      const letter = columnLetters(c + 1);
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = characterWidthToPoints(width);
    });
    sheet.freezePanes.freezeRows(plan.headerRow);
    sheet.autoFilter.apply(table);
    const layout = sheet.pageLayout;
    layout.orientation = plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    layout.paperSize = plan.print.paperSize;
    layout.centerHorizontally = true;
    layout.zoom = { horizontalFitToPages: plan.print.fitToWidth, verticalFitToPages: plan.print.fitToHeight };
    layout.setPrintTitleRows(`$${plan.print.titleRows[0]}:$${plan.print.titleRows[1]}`);
  }

  /**
   * Queues a header row and a body below it, formats first (text format for anything Excel would read as a formula).
   * A body whose payload could pass Excel's request limit is written in chunks, each synced before the next.
   */
  private async writeBlock(
    sheet: Excel.Worksheet,
    headerRow: number,
    header: string[],
    body: CellValue[][],
    columnFormats: string[],
    sync: () => Promise<void>,
  ): Promise<void> {
    const headerRange = sheet.getRange(rangeAddress('A', headerRow, header.length, 1));
    headerRange.numberFormat = [header.map(() => '@')];
    headerRange.values = [header];
    headerRange.format.font.bold = true;
    if (body.length === 0) return;
    const size = JSON.stringify(body).length * 2; // values and number formats
    const chunks = Math.max(1, Math.ceil(size / MAX_PAYLOAD_CHARS));
    const rowsPerChunk = Math.ceil(body.length / chunks);
    for (let start = 0; start < body.length; start += rowsPerChunk) {
      const part = body.slice(start, start + rowsPerChunk);
      const range = sheet.getRange(rangeAddress('A', headerRow + 1 + start, header.length, part.length));
      range.numberFormat = formatsFor(part, columnFormats);
      range.values = part;
      if (start + rowsPerChunk < body.length) await sync();
    }
  }
}

/**
 * The ExcelApi requirement set the adapter needs (RangeAreas for highlights: 1.9; data validation 1.8;
 * chart axis values and onChanged 1.7). Declared in manifest.xml as well.
 */
export const REQUIRED_EXCEL_API = '1.9';

/** Checks the requirement set at start-up; false on hosts that lack it. */
export function isExcelApiSupported(version: string = REQUIRED_EXCEL_API): boolean {
  return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', version);
}
