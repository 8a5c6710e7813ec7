/**
 * What the outlet head's buttons do with the workbook: check, fix, read for submitting. Each is one host action
 * (one Excel.run: read in one sync, write highlights, fixes and 序号 in one more). Host-free: works on the WorkbookHost port.
 */
import type { Finding } from '#shared/findings/types';
import type { CellValue, WorkbookGrid } from '#shared/grid/types';
import type { Organisation } from '#shared/org/schema';
import type { TemplateRegistry } from '#shared/spec/template-registry';
import type { TemplateSpec } from '#shared/spec/schema';
import type { SheetValidation } from '#shared/validation/types';
import { applySafeFixes } from '#shared/validation/apply-safe-fixes';
import { planFixWrite } from '#shared/validation/plan-fix-write';
import { validateWorkbook } from '#shared/validation/validate-workbook';
import { WorkbookUnusableError } from '#shared/validation/workbook-unusable-error';
import type { CellWrite, HighlightCell, HostFailure, WorkbookHost } from '../excel/workbook-host';
import { columnFormat, planSequenceNumbers, sequenceOf } from '../sheets/plan-template-sheet';

export interface CheckFailure {
  ok: false;
  code: string;
  message_zh: string;
  message_en: string;
  detail?: string;
}

export type CheckResult<T> = { ok: true; value: T } | CheckFailure;

/** The cells to mark for a set of findings on the checked sheet: errors win over warnings in the same cell. */
export function highlightsFor(sheetName: string, findings: Finding[]): HighlightCell[] {
  const byCell = new Map<string, 'error' | 'warning'>();
  for (const f of findings) {
    if (f.row === undefined || f.column === undefined) continue;
    if (f.severity !== 'error' && f.severity !== 'warning') continue;
    if (!f.address.startsWith(`${sheetName}!`)) continue;
    const cell = `${f.column}${f.row}`;
    if (byCell.get(cell) !== 'error') byCell.set(cell, f.severity);
  }
  return [...byCell].map(([cell, severity]) => ({ cell, severity }));
}

/**
 * A fix as the host writes it into a cell of the active sheet: what planFixWrite decides (the one rule
 * of every writer), drawn as a CellWrite. A restored formula in a data row also gets its column's format.
 */
export function fixWrite(spec: TemplateSpec, finding: Finding): CellWrite | null {
  const plan = planFixWrite(spec, finding);
  if (!plan) return null;
  const { cell } = plan;
  switch (plan.kind) {
    case 'formula': {
      const column = plan.row >= spec.firstDataRow ? spec.columns.find((c) => c.col === plan.column) : undefined;
      const format = column ? columnFormat(column) : undefined;
      return { cell, value: null, formula: `=${plan.formula}`, ...(format ? { numberFormat: format } : {}) };
    }
    case 'date':
      return { cell, value: plan.serial, numberFormat: plan.numberFormat };
    case 'text':
      return { cell, value: plan.value, numberFormat: plan.numberFormat };
    case 'number':
      return { cell, value: plan.value };
  }
}

function validate(workbook: WorkbookGrid, registry: TemplateRegistry, asOf: string, organisation?: Organisation): CheckResult<SheetValidation> {
  try {
    return { ok: true, value: validateWorkbook(workbook, registry, organisation ? { asOf, organisation } : { asOf }) };
  } catch (error) {
    if (error instanceof WorkbookUnusableError) {
      return { ok: false, code: error.code, message_zh: error.message_zh, message_en: error.message_en };
    }
    throw error;
  }
}

function fromHost(failure: HostFailure): CheckFailure {
  return { ok: false, code: failure.code, message_zh: failure.message_zh, message_en: failure.message_en, ...(failure.detail ? { detail: failure.detail } : {}) };
}

function sequenceWrites(spec: TemplateSpec, values: CellValue[][]): CellWrite[] {
  const sequence = sequenceOf(spec);
  return sequence ? planSequenceNumbers(sequence, values) : [];
}

export interface CheckedSheet {
  sheetName: string;
  validation: SheetValidation;
  workbook: WorkbookGrid;
}

/**
 * Checks the active sheet, numbers its unnumbered rows and marks the error and warning cells. With the
 * organisation (GET /org/{subBranch}) the checks are the server's; without it its rules are skipped with a notice.
 */
export async function checkActiveSheet(host: WorkbookHost, registry: TemplateRegistry, asOf: string, organisation?: Organisation): Promise<CheckResult<CheckedSheet>> {
  const outcome = await host.updateActiveSheet<CheckResult<CheckedSheet>>((read) => {
    const checked = validate(read.workbook, registry, asOf, organisation);
    if (!checked.ok) return { result: checked, highlights: [] };
    const sheet = read.workbook.sheets[0];
    return {
      result: { ok: true, value: { sheetName: read.sheetName, validation: checked.value, workbook: read.workbook } },
      writes: sequenceWrites(checked.value.spec, sheet.values),
      highlights: highlightsFor(read.sheetName, checked.value.findings),
    };
  });
  return outcome.ok ? outcome.value : fromHost(outcome);
}

export interface FixedSheet extends CheckedSheet {
  applied: Finding[];
}

/** Applies every safe fix of the active sheet in one step, then checks it again and marks what is left. */
export async function fixActiveSheet(host: WorkbookHost, registry: TemplateRegistry, asOf: string, organisation?: Organisation): Promise<CheckResult<FixedSheet>> {
  const outcome = await host.updateActiveSheet<CheckResult<FixedSheet>>((read) => {
    const first = validate(read.workbook, registry, asOf, organisation);
    if (!first.ok) return { result: first };
    const sheet = read.workbook.sheets[0];
    const { grid, applied } = applySafeFixes(sheet, first.value.findings);
    const fixedWorkbook: WorkbookGrid = { ...read.workbook, sheets: [grid] };
    const again = validate(fixedWorkbook, registry, asOf, organisation);
    if (!again.ok) return { result: again };
    const spec = first.value.spec;
    const writes = applied.map((f) => fixWrite(spec, f)).filter((w): w is CellWrite => w !== null);
    return {
      result: { ok: true, value: { sheetName: read.sheetName, validation: again.value, workbook: fixedWorkbook, applied } },
      writes: [...writes, ...sequenceWrites(spec, grid.values)],
      highlights: highlightsFor(read.sheetName, again.value.findings),
    };
  });
  return outcome.ok ? outcome.value : fromHost(outcome);
}

/**
 * Reads and checks the active sheet for submitting: the workbook to send exactly as read, and what the check says.
 * The marks are brought up to date in the same action; no cell value is written.
 */
export async function readForSubmission(host: WorkbookHost, registry: TemplateRegistry, asOf: string, organisation?: Organisation): Promise<CheckResult<CheckedSheet>> {
  const outcome = await host.updateActiveSheet<CheckResult<CheckedSheet>>((read) => {
    const checked = validate(read.workbook, registry, asOf, organisation);
    if (!checked.ok) return { result: checked };
    return {
      result: { ok: true, value: { sheetName: read.sheetName, validation: checked.value, workbook: read.workbook } },
      highlights: highlightsFor(read.sheetName, checked.value.findings),
    };
  });
  return outcome.ok ? outcome.value : fromHost(outcome);
}

/**
 * Marks the cells of findings that came from elsewhere (the server's 422 answer) on the sheet that was sent,
 * through the same highlight path as the pane's own check. Nothing is marked when another sheet is active now.
 */
export async function highlightFindings(host: WorkbookHost, sheetName: string, findings: Finding[]): Promise<CheckResult<number>> {
  const outcome = await host.updateActiveSheet<number | null>((read) => {
    if (read.sheetName !== sheetName) return { result: null };
    const highlights = highlightsFor(sheetName, findings);
    return { result: highlights.length, highlights };
  });
  if (!outcome.ok) return fromHost(outcome);
  if (outcome.value === null) return { ok: false, code: 'sheet-changed', message_zh: `工作表“${sheetName}”已不是当前工作表，未标记服务器发现的问题`, message_en: `Sheet "${sheetName}" is no longer the active sheet; the server's findings were not marked` };
  return { ok: true, value: outcome.value };
}
