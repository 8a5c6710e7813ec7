import { slotPhrases } from '../findings/codes';
import { createFinding } from '../findings/create-finding';
import { localisePhrase } from '../findings/localise-phrase';
import type { LocalisedText } from '../findings/render-message';
import type { Finding } from '../findings/types';
import type { CellValue, SheetGrid } from '../grid/types';
import type { TemplateSpec } from '../spec/schema';
import { templateFormulaAt } from '../spec/template-formula-at';
import { checkHeaderValues } from './_lib/check-header-values';
import { checkLayout } from './_lib/check-layout';
import { checkReportPeriod } from './_lib/check-report-period';
import { checkRowRules, type RowState, type RuleEnvironment } from './_lib/check-row-rules';
import { isBlankCell } from '../normalise/is-blank-cell';
import { checkValue, type CheckContext } from './_lib/check-value';
import { compileSpec, type CompiledColumn, type CompiledSpec } from './_lib/compile-spec';
import { hasFormulaAt } from './_lib/grid-cells';
import type { SheetValidation, TypedRow, TypedValue, ValidateSheetOptions } from './types';

const EMPTY_ROW: readonly CellValue[] = [];
const AS_OF = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks one template sheet against its spec and every rule of it: labels (title, header block,
 * header row; compared after trimming spaces), computed cells, header values, each data row's
 * values (types, lists, bounds, lengths, required columns) and the cross-column rules.
 * Returns the findings and the normalised header and filled rows. A sheet with problems is a
 * result, never an exception. Pure: the day of checking comes in `options.asOf`.
 *
 * - Rows: a row is filled when any cell but 序号 and the computed columns is. Empty rows after
 *   the last filled row are the template's unused rows and say nothing; empty rows between
 *   filled rows are ignored with one `blank-row` notice per run of them.
 * - Computed cells and columns: judged only when the grid knows its formulas (`grid.formulas`);
 *   a cell without a formula where the spec has one is `computed-cell-overwritten`, whose safe
 *   fix is the template's formula (`=IF(N5>0,P5/N5,"")`, see isFormulaFix). The formula's text
 *   is not compared (other spreadsheet programs rewrite it).
 * - Rules that need the organisation (header names, sale days) are skipped without one, with a
 *   single `org-rules-skipped` notice.
 * - The compiled form of a spec is cached per spec object: checking many sheets of one template
 *   compiles it once.
 * - `rows` is built on first read from the typed values kept while checking (a caller that wants
 *   only the findings does not pay for the row objects); it is an ordinary enumerable property.
 *
 * Throws RangeError only for a programming fault: `asOf` not written YYYY-MM-DD.
 */
export function validateSheet(grid: SheetGrid, spec: TemplateSpec, options: ValidateSheetOptions): SheetValidation {
  if (!AS_OF.test(options.asOf)) throw new RangeError(`validateSheet: asOf must be a day YYYY-MM-DD, got ${options.asOf}`);
  const compiled = compileSpec(spec);
  const sheetName = grid.sheetName;
  const findings: Finding[] = [];
  const organisation = options.organisation;
  const skipped: LocalisedText[] = [];
  const skippedNoSaleDays: LocalisedText[] = [];

  checkLayout(compiled, grid, findings);
  const context: CheckContext = { findings, defaultYear: Number(options.asOf.slice(0, 4)) };
  const { header, unitCode } = checkHeaderValues(compiled, grid, organisation, context, skipped);
  checkReportPeriod(compiled, grid.sheetName, header, options.asOf, organisation, findings, skipped);

  // Rules that need the organisation's campaign.
  const saleDays = organisation?.campaign?.saleDays ?? [];
  for (const rule of compiled.rules) {
    if (rule.kind !== 'in-sale-days' && rule.kind !== 'empty-before-first-sale-day') continue;
    if (organisation && saleDays.length > 0) continue;
    const phrase = localisePhrase(rule.kind === 'in-sale-days' ? slotPhrases.saleDaysCheck : slotPhrases.firstSaleDayCheck, { label: rule.label });
    if (!organisation) skipped.push(phrase);
    else skippedNoSaleDays.push(phrase);
  }
  const environment: RuleEnvironment = {
    sheetName,
    asOf: options.asOf,
    header,
    saleDays: new Set(saleDays),
    firstSaleDay: saleDays.length > 0 ? [...saleDays].sort()[0] : null,
    saleDaysText: saleDays.join(', '),
  };

  const { rowNumbers, typedStore } = checkDataRows(grid, compiled, environment, context);

  if (skipped.length > 0) {
    findings.push(createFinding('org-rules-skipped', { sheetName }, { slots: { skipped: joinLocalised(skipped) } }));
  }
  if (skippedNoSaleDays.length > 0) {
    findings.push(createFinding('org-rules-skipped', { sheetName }, { variant: 'no-sale-days', slots: { skipped: joinLocalised(skippedNoSaleDays) } }));
  }

  const result = {
    template: options.identity === undefined ? { id: spec.id, version: spec.version } : options.identity,
    spec,
    findings,
    header,
    unitCode,
    hasErrors: hasAnyError(findings),
  } as SheetValidation;
  defineLazyRows(result, () => buildTypedRows(compiled.columns, compiled.emptyValues, rowNumbers, typedStore));
  return result;
}

/** What the data rows leave behind: the filled rows' numbers and their typed values, row after row. */
interface CheckedRows {
  rowNumbers: Int32Array;
  /** Typed values of the filled rows, column after column in spec order. */
  typedStore: TypedValue[];
}

/** The scratch state of the data-row loop: one object reused from row to row, no allocation per cell. */
interface RowScan {
  grid: SheetGrid;
  compiled: CompiledSpec;
  knowsFormulas: boolean;
  context: CheckContext;
  environment: RuleEnvironment;
  row: RowState & { typed: TypedValue[]; filled: boolean[] };
  /** One place moved from cell to cell: createFinding copies what it needs from it. */
  place: { sheetName: string; row: number; column: string };
  typedStore: TypedValue[];
  stored: number;
}

/**
 * Checks the data rows: each filled row's cells and rules, a `blank-row` notice per run of empty
 * rows between filled ones, and lost formulas of computed columns in unfilled rows. The typed
 * values go to one flat array sized once (a first pass finds the filled rows).
 */
function checkDataRows(grid: SheetGrid, compiled: CompiledSpec, environment: RuleEnvironment, context: CheckContext): CheckedRows {
  const values = grid.values;
  const findings = context.findings;
  const firstDataIndex = compiled.spec.firstDataRow - 1;
  const filledRows = findFilledRows(compiled.fillingIndexes, values, firstDataIndex);
  let filledCount = 0;
  for (let i = 0; i < filledRows.length; i++) filledCount += filledRows[i];
  // Over the cap: one finding, and only the first maxRows filled rows are checked (the work stays bounded).
  const maxRows = compiled.limits.maxRows;
  let endIndex = values.length;
  if (filledCount > maxRows) {
    findings.push(
      createFinding('too-many-rows', { sheetName: grid.sheetName }, { slots: { count: filledCount, maxRows } }),
    );
    endIndex = indexAfterFilled(filledRows, firstDataIndex, maxRows);
    filledCount = maxRows;
  }
  const rowNumbers = new Int32Array(filledCount);
  const columnCount = compiled.byIndex.length;
  const scan: RowScan = {
    grid,
    compiled,
    knowsFormulas: grid.formulas !== undefined,
    context,
    environment,
    row: { rowNumber: 0, raw: EMPTY_ROW, typed: new Array<TypedValue>(columnCount).fill(null), filled: new Array<boolean>(columnCount).fill(false) },
    place: { sheetName: grid.sheetName, row: 0, column: 'A' },
    typedStore: new Array<TypedValue>(filledCount * compiled.columns.length),
    stored: 0,
  };
  let rowCount = 0;
  let blankRunStart = -1;
  for (let rowIndex = firstDataIndex; rowIndex < endIndex; rowIndex++) {
    if (filledRows[rowIndex - firstDataIndex] === 0) {
      if (rowCount > 0 && blankRunStart < 0) blankRunStart = rowIndex;
      if (scan.knowsFormulas) checkUnfilledComputedCells(compiled, grid, rowIndex, findings);
      continue;
    }
    if (blankRunStart >= 0) {
      findings.push(blankRowsFinding(grid.sheetName, blankRunStart, rowIndex));
      blankRunStart = -1;
    }
    checkFilledRow(scan, rowIndex, values[rowIndex] ?? EMPTY_ROW);
    rowNumbers[rowCount++] = rowIndex + 1;
  }
  return { rowNumbers, typedStore: scan.typedStore };
}

/** The zero-based row index just after the `count`-th filled row. */
function indexAfterFilled(filledRows: Uint8Array, firstDataIndex: number, count: number): number {
  let seen = 0;
  for (let i = 0; i < filledRows.length; i++) {
    seen += filledRows[i];
    if (seen === count) return firstDataIndex + i + 1;
  }
  return firstDataIndex + filledRows.length;
}

/** 1 for each data row (from `firstDataIndex` on) that is filled, else 0. */
function findFilledRows(fillingIndexes: readonly number[], values: readonly (readonly CellValue[] | undefined)[], firstDataIndex: number): Uint8Array {
  const filledRows = new Uint8Array(Math.max(0, values.length - firstDataIndex));
  for (let rowIndex = firstDataIndex; rowIndex < values.length; rowIndex++) {
    if (isFilledRow(fillingIndexes, values[rowIndex] ?? EMPTY_ROW)) filledRows[rowIndex - firstDataIndex] = 1;
  }
  return filledRows;
}

/** The notice for the empty rows from zero-based `runStart` up to (not including) `nextFilled`. */
function blankRowsFinding(sheetName: string, runStart: number, nextFilled: number): Finding {
  const count = nextFilled - runStart;
  return createFinding('blank-row', { sheetName, row: runStart + 1, column: 'A' }, {
    slots: { count, rows: count === 1 ? String(runStart + 1) : `${runStart + 1}–${nextFilled}` },
  });
}

/** Checks one filled row: every column's cell, then the cross-column rules; stores the typed values. */
function checkFilledRow(scan: RowScan, rowIndex: number, rowValues: readonly CellValue[]): void {
  const { row, place, typedStore } = scan;
  const columns = scan.compiled.columns;
  place.row = rowIndex + 1;
  let stored = scan.stored;
  for (let c = 0; c < columns.length; c++) {
    const compiledColumn = columns[c];
    const index = compiledColumn.index;
    const raw = rowValues[index] ?? null;
    const blank = raw === null || (typeof raw === 'string' && isBlankCell(raw));
    place.column = compiledColumn.letter;
    const typed = compiledColumn.computed
      ? checkComputedCell(scan, compiledColumn, raw, blank, rowIndex)
      : blank
        ? reportIfRequired(scan, compiledColumn)
        : checkValue(compiledColumn.checker, raw, place, scan.context);
    row.filled[index] = !blank;
    row.typed[index] = typed;
    typedStore[stored++] = typed;
  }
  scan.stored = stored;
  checkRowSize(scan, row.typed, rowIndex);
  row.rowNumber = rowIndex + 1;
  row.raw = rowValues;
  checkRowRules(scan.compiled, row, scan.environment, scan.context.findings, place);
}

/**
 * `row-too-large` when the typed values of a row would not fit a stored row (maxRowBytes of UTF-8).
 * Counted exactly only when three bytes per character could exceed the cap (the common row costs a length sum).
 */
function checkRowSize(scan: RowScan, typed: readonly TypedValue[], rowIndex: number): void {
  const maxRowBytes = scan.compiled.limits.maxRowBytes;
  let chars = 0;
  for (let i = 0; i < typed.length; i++) {
    const value = typed[i];
    if (typeof value === 'string') chars += value.length;
  }
  if (chars * 3 <= maxRowBytes) return;
  let bytes = 0;
  for (let i = 0; i < typed.length; i++) {
    const value = typed[i];
    bytes += typeof value === 'string' ? utf8Length(value) : 16;
  }
  if (bytes <= maxRowBytes) return;
  scan.context.findings.push(
    createFinding('row-too-large', { sheetName: scan.grid.sheetName, row: rowIndex + 1, column: 'A' }, { slots: { row: rowIndex + 1, bytes, maxRowBytes } }),
  );
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A number DynamoDB can store from JavaScript: exact (within 2^53) and not closer to zero than 1e-130. */
function isStorableNumber(value: number): boolean {
  const magnitude = Math.abs(value);
  return Number.isFinite(value) && magnitude <= Number.MAX_SAFE_INTEGER && (magnitude === 0 || magnitude >= 1e-100);
}

/** A computed column's cell in a filled row: its number, and `computed-cell-overwritten` when its formula is gone. */
function checkComputedCell(scan: RowScan, compiledColumn: CompiledColumn, raw: CellValue, blank: boolean, rowIndex: number): TypedValue {
  if (scan.knowsFormulas && !hasFormulaAt(scan.grid, rowIndex, compiledColumn.index)) {
    scan.context.findings.push(
      createFinding('computed-cell-overwritten', scan.place, {
        value: blank ? null : raw,
        fix: templateFormulaAt(scan.compiled.spec, scan.place.row, compiledColumn.letter),
        variant: blank ? 'removed' : 'default',
        slots: { label: compiledColumn.label },
      }),
    );
  }
  // The cached result is only shown, never trusted for sums: one that could not be stored is dropped.
  return typeof raw === 'number' && isStorableNumber(raw) ? raw : null;
}

/** An empty cell: `required-error` when its column is required. Its typed value is null. */
function reportIfRequired(scan: RowScan, compiledColumn: CompiledColumn): null {
  if (compiledColumn.required) {
    scan.context.findings.push(createFinding('required-error', scan.place, { slots: { label: compiledColumn.label } }));
  }
  return null;
}

function hasAnyError(findings: readonly Finding[]): boolean {
  for (let i = 0; i < findings.length; i++) if (findings[i].severity === 'error') return true;
  return false;
}

/**
 * Makes `rows` a property built on first read (then kept; it can be assigned too). It is
 * enumerable, so spreading and JSON.stringify see it like any other property; a caller that only
 * wants the findings (`pts validate`) never pays for building 100,000 row objects.
 */
function defineLazyRows(result: SheetValidation, build: () => TypedRow[]): void {
  let rows: TypedRow[] | undefined;
  Object.defineProperty(result, 'rows', {
    enumerable: true,
    configurable: true,
    get: () => (rows ??= build()),
    set: (value: TypedRow[]) => {
      rows = value;
    },
  });
}

/** The TypedRow objects of the filled rows from the flat store of their typed values. */
function buildTypedRows(
  columns: readonly CompiledColumn[],
  emptyValues: Readonly<Record<string, TypedValue>>,
  rowNumbers: Int32Array,
  typedStore: readonly TypedValue[],
): TypedRow[] {
  const width = columns.length;
  const rows: TypedRow[] = new Array<TypedRow>(rowNumbers.length);
  for (let i = 0; i < rowNumbers.length; i++) {
    // A clone of a template with every column key: one allocation, no hidden-class transitions.
    const values: Record<string, TypedValue> = { ...emptyValues };
    const offset = i * width;
    for (let j = 0; j < width; j++) values[columns[j].letter] = typedStore[offset + j];
    rows[i] = { rowNumber: rowNumbers[i], values };
  }
  return rows;
}

function isFilledRow(fillingIndexes: readonly number[], rowValues: readonly CellValue[]): boolean {
  for (let i = 0; i < fillingIndexes.length; i++) {
    const raw = rowValues[fillingIndexes[i]];
    if (raw !== null && raw !== undefined && !isBlankCell(raw)) return true;
  }
  return false;
}

/** In a row that is not filled, a computed column holding a typed value has lost its formula. */
function checkUnfilledComputedCells(
  compiled: CompiledSpec,
  grid: SheetGrid,
  rowIndex: number,
  findings: Finding[],
): void {
  for (const c of compiled.columns) {
    if (!c.computed) continue;
    const raw = grid.values[rowIndex]?.[c.index];
    if (!isBlankCell(raw) && !hasFormulaAt(grid, rowIndex, c.index)) {
      findings.push(
        createFinding('computed-cell-overwritten', { sheetName: grid.sheetName, row: rowIndex + 1, column: c.letter }, {
          value: raw ?? null,
          fix: templateFormulaAt(compiled.spec, rowIndex + 1, c.letter),
          slots: { label: c.label },
        }),
      );
    }
  }
}

function joinLocalised(items: readonly LocalisedText[]): LocalisedText {
  return { zh: items.map((i) => i.zh).join(slotPhrases.listSeparator.zh), en: items.map((i) => i.en).join(slotPhrases.listSeparator.en) };
}
