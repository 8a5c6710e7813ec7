import type { ConsolidatedView } from '../api/consolidated-view';
import type { TemplateSpec } from '../spec/schema';
import { planSummaryWorkbook } from './plan-summary-workbook';
import type { SummaryWorkbookPlan } from './types';

/**
 * The summary workbook of a GET /consolidated answer (its rows, when asked, on the 明细 sheet): what the server
 * writes for GET /consolidated.xlsx and what the pane draws into the open workbook, from the same plan.
 */
export function planConsolidatedWorkbook(spec: TemplateSpec, view: ConsolidatedView): SummaryWorkbookPlan {
  const { rows, duplicates: _duplicates, ...summary } = view;
  return planSummaryWorkbook(spec, summary, rows ? { rows: rows.map((unit) => ({ unit: unit.outlet, rows: unit.rows })) } : {});
}
