/**
 * The WorkbookHost in memory: the same interface as the Office.js adapter, used when the pane runs outside
 * Excel (`?host=memory`, the end-to-end test) and in component tests. It keeps values, formulas, number formats,
 * the user's fills and the add-in's highlights apart, as Excel does with conditional formats.
 */
import type { CellValue, SheetIdentity } from '#shared/grid/types';
import { IDENTITY_SHEET_NAME } from '#shared/grid/types';
import { columnLetters, columnNumber, parseCellAddress } from '../sheets/addresses';
import { excelSerialFromDate } from '#shared/normalise/excel-serial-from-date';
import { isFormulaLikeText } from '../sheets/formula-text';
import { planSequenceNumbers } from '../sheets/plan-template-sheet';
import { freeSheetName, identityRow } from '../sheets/sheet-names';
import {
  hostFailure,
  type ActiveSheetRead,
  type HostResult,
  type SequencePlan,
  type SheetUpdate,
  type TemplateSheetPlan,
  type WorkbookHost,
} from './workbook-host';
import type { PlannedValue, PrintPlan, RowStyle, SummarySheetPlan, SummaryWorkbookPlan } from '#shared/summary-sheet/types';

export interface MemoryCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string | null;
  /** The user's own fill colour. */
  fill: string | null;
}

export interface MemorySheet {
  name: string;
  cells: Map<string, MemoryCell>;
  highlights: Map<string, 'error' | 'warning'>;
  /** Drop-down lists by column letter. */
  lists: Map<string, string[]>;
  veryHidden: boolean;
  tables: { address: string; style: string }[];
  charts: { type: 'bar'; title: string; categories: string[]; values: (number | null)[]; anchor?: { fromColumn: number; fromRow: number; toColumn: number; toRow: number } }[];
  /** Bold cells (A1 addresses). */
  bold: Set<string>;
  /** Column widths (characters), frozen rows and print set-up of a drawn summary sheet. */
  layout: { columnWidths: number[]; frozenRows: number; print: PrintPlan } | null;
  sequence: SequencePlan | null;
  /** Number formats of whole data columns (a template's text, date and money columns). */
  columnFormats: Map<string, { format: string; firstRow: number; lastRow: number }>;
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function key(col: string, row: number): string {
  return `${col}${row}`;
}

export class MemoryWorkbook implements WorkbookHost {
  readonly sheets: MemorySheet[] = [];
  activeSheet: string | null = null;
  /** The selected cell (K12) and its sheet. */
  selection: string | null = null;
  selectionSheet: string | null = null;
  private listeners = new Set<() => void>();

  constructor(sheetNames: string[] = ['Sheet1']) {
    for (const name of sheetNames) this.addSheet(name);
    this.activeSheet = sheetNames[0] ?? null;
  }

  /** Called after every change (the memory view re-renders). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected changed(): void {
    for (const l of this.listeners) l();
  }

  addSheet(name: string): MemorySheet {
    const sheet: MemorySheet = { name, cells: new Map(), highlights: new Map(), lists: new Map(), veryHidden: false, tables: [], charts: [], bold: new Set(), layout: null, sequence: null, columnFormats: new Map() };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  cell(sheetName: string, address: string): MemoryCell | undefined {
    return this.sheet(sheetName)?.cells.get(address);
  }

  protected put(sheet: MemorySheet, address: string, patch: Partial<MemoryCell>): void {
    const current = sheet.cells.get(address) ?? { value: null, formula: null, numberFormat: null, fill: null };
    const next = { ...current, ...patch };
    const ref = parseCellAddress(address);
    const column = ref ? sheet.columnFormats.get(ref.col) : undefined;
    const format = next.numberFormat ?? (column && ref && ref.row >= column.firstRow && ref.row <= column.lastRow ? column.format : null);
    // Excel reads a value that looks like a formula as one, unless the cell is formatted as text.
    if (patch.value !== undefined && isFormulaLikeText(patch.value) && format !== '@' && /^[=+\-@]/.test(patch.value)) {
      next.formula = patch.value.startsWith('=') ? patch.value : `=${patch.value}`;
      next.value = null;
    } else if (patch.value !== undefined && patch.formula === undefined) {
      next.formula = null;
    }
    sheet.cells.set(address, next);
  }

  /** Types values into a sheet from a top-left cell, as a user would (then 序号 is numbered). */
  setValues(sheetName: string, topLeft: string, values: CellValue[][]): void {
    const sheet = this.sheet(sheetName);
    const ref = parseCellAddress(topLeft);
    if (!sheet || !ref) throw new Error(`no such sheet or cell: ${sheetName}!${topLeft}`);
    values.forEach((row, r) =>
      row.forEach((value, c) => this.put(sheet, key(columnLetters(columnNumber(ref.col) + c), ref.row + r), { value })),
    );
    if (sheet.sequence) {
      for (const w of planSequenceNumbers(sheet.sequence, this.grid(sheet).values)) this.put(sheet, w.cell, { value: w.value });
    }
    this.changed();
  }

  /**
   * Types text into one cell as a person would in Excel: empty clears it; in a cell formatted as text it stays
   * text; otherwise a number becomes a number, a day written 2026-12-08 or 2026/12/8 becomes a date serial shown
   * as a date, `=…` becomes a formula, anything else stays text (2026年12月8日 or 30万 too, as the checks expect).
   * Then 序号 is numbered, as setValues does.
   */
  typeInCell(sheetName: string, address: string, text: string): void {
    const sheet = this.sheet(sheetName);
    const ref = parseCellAddress(address);
    if (!sheet || !ref) throw new Error(`no such sheet or cell: ${sheetName}!${address}`);
    const cell = key(ref.col, ref.row);
    const column = sheet.columnFormats.get(ref.col);
    const format = sheet.cells.get(cell)?.numberFormat ?? (column && ref.row >= column.firstRow && ref.row <= column.lastRow ? column.format : null);
    const trimmed = text.trim();
    const day = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(trimmed);
    if (trimmed === '') this.put(sheet, cell, { value: null });
    else if (format === '@') this.put(sheet, cell, { value: text });
    else if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) this.put(sheet, cell, { value: Number(trimmed) });
    else if (day && isRealDay(Number(day[1]), Number(day[2]), Number(day[3]))) {
      const iso = `${day[1]}-${day[2].padStart(2, '0')}-${day[3].padStart(2, '0')}`;
      if (!format || !/[ymd]/i.test(format)) this.put(sheet, cell, { numberFormat: 'yyyy-mm-dd' });
      this.put(sheet, cell, { value: excelSerialFromDate(iso) ?? text });
    } else this.put(sheet, cell, { value: text });
    if (sheet.sequence) {
      for (const w of planSequenceNumbers(sheet.sequence, this.grid(sheet).values)) this.put(sheet, w.cell, { value: w.value });
    }
    this.changed();
  }

  /** The user's own fill on a cell. */
  setFill(sheetName: string, address: string, color: string | null): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no such sheet: ${sheetName}`);
    this.put(sheet, address, { fill: color });
    this.changed();
  }

  activate(name: string): void {
    if (!this.sheet(name)) throw new Error(`no such sheet: ${name}`);
    this.activeSheet = name;
    this.changed();
  }

  /** The sheet as a grid from A1 (values and formulas; formulas keep their '='). */
  grid(sheet: MemorySheet): { values: CellValue[][]; formulas: (string | null)[][] } {
    let rows = 0;
    let cols = 0;
    for (const [address, cell] of sheet.cells) {
      if (cell.value === null && cell.formula === null) continue;
      const ref = parseCellAddress(address);
      if (!ref) continue;
      rows = Math.max(rows, ref.row);
      cols = Math.max(cols, columnNumber(ref.col));
    }
    const values: CellValue[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => null));
    const formulas: (string | null)[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => null));
    for (const [address, cell] of sheet.cells) {
      const ref = parseCellAddress(address);
      if (!ref || ref.row > rows || columnNumber(ref.col) > cols) continue;
      values[ref.row - 1][columnNumber(ref.col) - 1] = cell.value;
      formulas[ref.row - 1][columnNumber(ref.col) - 1] = cell.formula;
    }
    return { values, formulas };
  }

  private identities(): SheetIdentity[] {
    const meta = this.sheet(IDENTITY_SHEET_NAME);
    if (!meta) return [];
    return this.grid(meta)
      .values.filter((r) => typeof r[0] === 'string' && typeof r[1] === 'string')
      .map((r) => ({ sheetName: String(r[0]), id: String(r[1]), version: Number(r[2]) }));
  }

  private readActive(): HostResult<{ sheet: MemorySheet; read: ActiveSheetRead }> {
    const sheet = this.activeSheet ? this.sheet(this.activeSheet) : undefined;
    if (!sheet) return hostFailure('no-active-sheet');
    const grid = this.grid(sheet);
    return {
      ok: true,
      value: {
        sheet,
        read: { sheetName: sheet.name, workbook: { sheets: [{ sheetName: sheet.name, ...grid }], identities: this.identities() } },
      },
    };
  }

  async readActiveSheet(): Promise<HostResult<ActiveSheetRead>> {
    const active = this.readActive();
    return active.ok ? { ok: true, value: active.value.read } : active;
  }

  async updateActiveSheet<T>(decide: (read: ActiveSheetRead) => SheetUpdate<T>): Promise<HostResult<T>> {
    const active = this.readActive();
    if (!active.ok) return active;
    const { sheet, read } = active.value;
    const update = decide(read);
    for (const w of update.writes ?? []) {
      if (w.formula !== undefined) {
        this.put(sheet, w.cell, { numberFormat: w.numberFormat ?? 'General' });
        this.put(sheet, w.cell, { formula: w.formula, value: null });
        continue;
      }
      const format = isFormulaLikeText(w.value) ? '@' : w.numberFormat;
      if (format) this.put(sheet, w.cell, { numberFormat: format });
      this.put(sheet, w.cell, { value: w.value });
    }
    if (update.highlights !== undefined) {
      sheet.highlights.clear();
      for (const h of update.highlights) sheet.highlights.set(h.cell, h.severity);
    }
    this.changed();
    return { ok: true, value: update.result };
  }

  async clearHighlights(): Promise<HostResult<number>> {
    const sheet = this.activeSheet ? this.sheet(this.activeSheet) : undefined;
    if (!sheet) return hostFailure('no-active-sheet');
    const removed = sheet.highlights.size;
    sheet.highlights.clear();
    this.changed();
    return { ok: true, value: removed };
  }

  async selectCell(address: string): Promise<HostResult<void>> {
    const ref = parseCellAddress(address);
    if (!ref) return hostFailure('bad-address', address);
    const name = ref.sheet ?? this.activeSheet;
    if (!name || !this.sheet(name)) return hostFailure('sheet-not-found', name ?? address);
    this.activeSheet = name;
    this.selection = `${ref.col}${ref.row}`;
    this.selectionSheet = name;
    this.changed();
    return { ok: true, value: undefined };
  }

  async insertTemplateSheet(plan: TemplateSheetPlan): Promise<HostResult<{ sheetName: string }>> {
    const sheetName = freeSheetName(plan.sheetName, this.sheets.map((s) => s.name));
    const sheet = this.addSheet(sheetName);
    plan.cells.forEach((row, r) =>
      row.forEach((value, c) => {
        const address = key(columnLetters(c + 1), r + 1);
        const format = isFormulaLikeText(value) ? '@' : plan.cellFormats[address];
        if (format) this.put(sheet, address, { numberFormat: format });
        if (value !== null) this.put(sheet, address, { value });
      }),
    );
    for (const [address, format] of Object.entries(plan.cellFormats)) this.put(sheet, address, { numberFormat: format });
    for (const [address, formula] of Object.entries(plan.formulas)) this.put(sheet, address, { formula, value: null });
    for (const column of plan.columns) {
      if (column.numberFormat) sheet.columnFormats.set(column.col, { format: column.numberFormat, firstRow: plan.firstDataRow, lastRow: plan.lastDataRow });
      if (column.list) sheet.lists.set(column.col, column.list);
      column.formulas?.forEach((formula, i) => this.put(sheet, key(column.col, plan.firstDataRow + i), { formula, value: null }));
    }
    sheet.sequence = plan.sequence;
    const meta = this.sheet(IDENTITY_SHEET_NAME) ?? Object.assign(this.addSheet(IDENTITY_SHEET_NAME), { veryHidden: true });
    const row = identityRow(this.grid(meta).values, sheetName);
    this.put(meta, `A${row}`, { numberFormat: '@', value: sheetName });
    this.put(meta, `B${row}`, { numberFormat: '@', value: plan.identity.id });
    this.put(meta, `C${row}`, { value: plan.identity.version });
    this.activeSheet = sheetName;
    this.selection = null;
    this.changed();
    return { ok: true, value: { sheetName } };
  }

  async writeSummarySheets(plan: SummaryWorkbookPlan): Promise<HostResult<{ sheetName: string }>> {
    for (const sheetPlan of plan.sheets) {
      const i = this.sheets.findIndex((x) => x.name === sheetPlan.name);
      if (i >= 0) this.sheets.splice(i, 1);
    }
    for (const sheetPlan of plan.sheets) this.drawSummarySheet(this.addSheet(sheetPlan.name), sheetPlan);
    const first = plan.sheets[0];
    if (plan.chart) {
      const sheet = this.sheet(plan.chart.sheetName);
      sheet?.charts.push({ type: 'bar', title: plan.chart.title, categories: plan.chart.categories, values: plan.chart.values, anchor: plan.chart.anchor });
    }
    this.activeSheet = first.name;
    this.changed();
    return { ok: true, value: { sheetName: first.name } };
  }

  private drawSummarySheet(sheet: MemorySheet, plan: SummarySheetPlan): void {
    const write = (row: number, values: PlannedValue[], formats: readonly string[], style: RowStyle | null) =>
      values.forEach((value, c) => {
        const address = key(columnLetters(c + 1), row);
        const format = isFormulaLikeText(value) ? '@' : formats[c];
        if (format && format !== 'General') this.put(sheet, address, { numberFormat: format });
        if (style?.fill) this.put(sheet, address, { fill: style.fill });
        if (style?.bold) sheet.bold.add(address);
        this.put(sheet, address, { value });
      });
    plan.titleRows.forEach((values, r) => write(r + 1, values, [], null));
    if (plan.titleRows.length > 0) sheet.bold.add('A1');
    write(plan.headerRow, plan.header, plan.header.map(() => '@'), { bold: true });
    plan.body.forEach((values, r) => write(plan.headerRow + 1 + r, values, plan.columnFormats, plan.rowStyles[r]));
    sheet.layout = { columnWidths: plan.columnWidths, frozenRows: plan.headerRow, print: plan.print };
  }
}
