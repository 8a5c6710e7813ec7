/**
 * The WorkbookHost of the web page: a workbook the user opened from disk, held in the in-memory model (the same
 * checks, fixes and highlights as in Excel), with the file's own bytes kept so that what changed can be written
 * back into them (only the changed cells; every other part of the file stays as the user's spreadsheet saved it).
 */
import type { Finding } from '#shared/findings/types';
import { IDENTITY_SHEET_NAME, type CellValue, type WorkbookGrid } from '#shared/grid/types';
import type { TemplateRegistry } from '#shared/spec/template-registry';
import type { TemplateSpec } from '#shared/spec/schema';
import { columnLetters, parseCellAddress } from '../sheets/addresses';
import { dateFromExcelSerial } from '#shared/normalise/date-from-excel-serial';
import { columnFormat, sequenceOf } from '../sheets/plan-template-sheet';
import { MemoryWorkbook, type MemorySheet } from './memory-workbook';
import type { ConsolidatedQuery } from '../api/api-client';
import type { SummaryWorkbookPlan } from '#shared/summary-sheet/types';

/** Data rows given the template's column formats beyond the last filled row, so that typed dates show as dates. */
const SPARE_FORMATTED_ROWS = 200;

/** The file the user opened: its name, its bytes as read, and the template of its checked sheet. */
export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
  /** The template sheet (the first sheet with a template identity, else the first sheet). */
  sheetName: string;
  spec: TemplateSpec | null;
}

/** A cell of the template sheet as it stood in the file, to tell what the user or a fix changed. */
interface CellAsRead {
  value: CellValue;
  formula: string | null;
}

function withoutEquals(formula: string | null | undefined): string | null {
  if (formula === null || formula === undefined || formula === '') return null;
  return formula.startsWith('=') ? formula.slice(1) : formula;
}

export class FileWorkbook extends MemoryWorkbook {
  file: OpenedFile | null = null;
  private asRead = new Map<string, CellAsRead>();
  /** The last summary the manager pulled (shown on screen by the web page). */
  summary: { query: ConsolidatedQuery; plan: SummaryWorkbookPlan } | null = null;

  constructor(private readonly registry: TemplateRegistry) {
    super([]);
  }

  /** Replaces the workbook with a file's grid; the template sheet becomes the active sheet. */
  open(name: string, bytes: Uint8Array, grid: WorkbookGrid): OpenedFile {
    this.sheets.splice(0, this.sheets.length);
    this.asRead.clear();
    for (const source of grid.sheets) {
      const sheet = this.addSheet(source.sheetName);
      source.values.forEach((row, r) =>
        row.forEach((value, c) => {
          const formula = withoutEquals(source.formulas?.[r]?.[c]);
          if (value === null && formula === null) return;
          const address = `${columnLetters(c + 1)}${r + 1}`;
          // Set directly, not typed: a text that looks like a formula stays the text the file holds; a formula keeps its cached result.
          sheet.cells.set(address, { value, formula: formula === null ? null : `=${formula}`, numberFormat: null, fill: null });
        }),
      );
      source.formulas?.forEach((row, r) =>
        row.forEach((formula, c) => {
          const address = `${columnLetters(c + 1)}${r + 1}`;
          const text = withoutEquals(formula);
          if (text !== null && !sheet.cells.has(address)) sheet.cells.set(address, { value: null, formula: `=${text}`, numberFormat: null, fill: null });
        }),
      );
    }
    if (grid.identities.length > 0) {
      const meta = Object.assign(this.addSheet(IDENTITY_SHEET_NAME), { veryHidden: true });
      grid.identities.forEach((identity, i) => {
        meta.cells.set(`A${i + 1}`, { value: identity.sheetName, formula: null, numberFormat: '@', fill: null });
        meta.cells.set(`B${i + 1}`, { value: identity.id, formula: null, numberFormat: '@', fill: null });
        meta.cells.set(`C${i + 1}`, { value: identity.version, formula: null, numberFormat: null, fill: null });
      });
    }
    const identity = grid.identities.find((i) => grid.sheets.some((s) => s.sheetName === i.sheetName));
    const sheetName = identity?.sheetName ?? grid.sheets[0]?.sheetName ?? '';
    const spec = identity ? (this.registry.find({ id: identity.id, version: identity.version }) ?? null) : null;
    const sheet = this.sheet(sheetName);
    if (sheet && spec) this.formatLikeTemplate(sheet, spec);
    for (const [address, cell] of sheet?.cells ?? []) this.asRead.set(address, { value: cell.value, formula: withoutEquals(cell.formula) });
    this.file = { name, bytes, sheetName, spec };
    this.activeSheet = sheetName || null;
    this.selection = null;
    this.selectionSheet = null;
    this.summary = null;
    this.changed();
    return this.file;
  }

  /** The template's column formats and 序号 on the opened sheet (the file's own formats are not read). */
  private formatLikeTemplate(sheet: MemorySheet, spec: TemplateSpec): void {
    let lastRow = spec.firstDataRow;
    for (const address of sheet.cells.keys()) lastRow = Math.max(lastRow, parseCellAddress(address)?.row ?? 0);
    for (const column of spec.columns) {
      const format = columnFormat(column);
      if (format) sheet.columnFormats.set(column.col, { format, firstRow: spec.firstDataRow, lastRow: lastRow + SPARE_FORMATTED_ROWS });
    }
    for (const field of spec.headerFields) {
      if (field.type === 'date' || field.type === 'month') {
        const cell = sheet.cells.get(field.valueCell);
        if (cell) cell.numberFormat = field.type === 'date' ? 'yyyy-mm-dd' : 'yyyy-mm';
      }
    }
    sheet.sequence = sequenceOf(spec);
  }


  /**
   * The cells of the template sheet that differ from the file as read (safe fixes, the user's edits, 序号), as the
   * fix writer takes them: a formula as `=…`, a date cell as its ISO day, an emptied cell as ''.
   */
  changedCells(): Finding[] {
    const file = this.file;
    const sheet = file ? this.sheet(file.sheetName) : undefined;
    if (!file || !sheet) return [];
    const addresses = new Set([...this.asRead.keys(), ...sheet.cells.keys()]);
    const changes: Finding[] = [];
    for (const address of addresses) {
      const before = this.asRead.get(address) ?? { value: null, formula: null };
      const cell = sheet.cells.get(address);
      const formula = withoutEquals(cell?.formula);
      const value = formula === null ? (cell?.value ?? null) : null;
      if (formula === before.formula && (formula !== null || value === before.value)) continue;
      const ref = parseCellAddress(address);
      if (!ref) continue;
      let fix: string | number | null;
      if (formula !== null) fix = `=${formula}`;
      else if (value === null) fix = '';
      else if (typeof value === 'number' && this.isDateCell(sheet, address, ref.col, ref.row)) fix = dateFromExcelSerial(value) ?? value;
      else if (typeof value === 'boolean') fix = value ? 'TRUE' : 'FALSE';
      else fix = value;
      changes.push({
        code: formula !== null ? 'computed-cell-overwritten' : 'cell-edited',
        severity: 'notice',
        address: `${sheet.name}!${address}`,
        row: ref.row,
        column: ref.col,
        value: before.value,
        message_zh: '',
        message_en: '',
        fix,
      });
    }
    return changes;
  }

  private isDateCell(sheet: MemorySheet, address: string, col: string, row: number): boolean {
    const column = sheet.columnFormats.get(col);
    const format = sheet.cells.get(address)?.numberFormat ?? (column && row >= column.firstRow && row <= column.lastRow ? column.format : null);
    return format === 'yyyy-mm-dd';
  }

  /** Keeps the summary the manager pulled, with its query, for the page to show and to download as a workbook. */
  showSummary(query: ConsolidatedQuery, plan: SummaryWorkbookPlan): void {
    this.summary = { query, plan };
    this.changed();
  }
}
