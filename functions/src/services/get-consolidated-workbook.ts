/** GET /consolidated.xlsx: the consolidated view as a workbook (kept apart so the JSON function does not bundle ExcelJS). */
import { planConsolidatedWorkbook } from '#shared/summary-sheet/plan-consolidated-workbook';
import { drawSummaryWorkbook } from '#shared/xlsx/write-summary-workbook';
import type { Caller } from './caller';
import type { ServiceDeps } from './deps';
import { getConsolidated } from './get-consolidated';

/** The same view as the summary workbook the pane draws (text that a spreadsheet would run as a formula is made inert by the writer). */
export async function getConsolidatedWorkbook(deps: ServiceDeps, caller: Caller, rawQuery: Record<string, string | undefined>): Promise<Uint8Array> {
  const { view, spec } = await getConsolidated(deps, caller, rawQuery);
  return drawSummaryWorkbook(planConsolidatedWorkbook(spec, view));
}
