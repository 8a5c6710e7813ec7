/** GET /consolidated.xlsx: the consolidated view as a workbook (kept apart so the JSON function does not bundle ExcelJS). */
import { writeSummaryWorkbook } from '#shared/xlsx/write-summary-workbook';
import type { Caller } from './caller';
import type { ServiceDeps } from './deps';
import { getConsolidated } from './get-consolidated';

/** The same view as a workbook (text that a spreadsheet would run as a formula is made inert by the writer). */
export async function getConsolidatedWorkbook(deps: ServiceDeps, caller: Caller, rawQuery: Record<string, string | undefined>): Promise<Uint8Array> {
  const { view, spec } = await getConsolidated(deps, caller, rawQuery);
  const { rows, duplicates: _d, ...summary } = view;
  return writeSummaryWorkbook(spec, summary, rows?.map((r) => ({ unit: r.outlet, rows: r.rows })));
}
