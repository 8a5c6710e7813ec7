import type { Organisation } from '../org/schema';
import type { ConsolidatedSummary, RejectedFile } from './consolidated-summary';

/** A file whose sheet has errors, as the summary's caller knows it. */
export interface RejectedFileEntry {
  /** The unit the sheet's header names (code or name), null when it names none. */
  unit: string | null;
  /** The day (YYYY-MM-DD) or month (YYYY-MM) the sheet reports, null when it names none. */
  period: string | null;
  file: string;
  /** Error findings of the sheet. */
  errors: number;
}

/**
 * The summary with the files that have errors listed in `rejected` (in the order given): each names
 * its unit by code and organisation name when the organisation lists it. A file whose period lies
 * outside the summary's is left out (it is no news for this period). A unit with a rejected file
 * and no accepted one leaves `missing`: it did report, with errors (有错误), it is not 未报送. Ranks and
 * totals are unchanged (the rejected files are not in them). Pure: `summary` is not changed.
 */
export function addRejectedFiles(summary: ConsolidatedSummary, organisation: Organisation, entries: readonly RejectedFileEntry[]): ConsolidatedSummary {
  const units = [...organisation.outlets, ...(organisation.workplaces ?? [])];
  const inPeriod = (period: string | null) => {
    if (period === null) return true;
    const comparable = summary.from.length === 7 ? period.slice(0, 7) : period;
    return comparable >= summary.from && comparable <= summary.to;
  };
  const rejected: RejectedFile[] = entries.filter((entry) => inPeriod(entry.period)).map((entry) => {
    const text = entry.unit?.trim() ?? '';
    const unit = units.find((u) => u.code === text) ?? units.find((u) => u.name === text);
    return { outlet: unit?.code ?? text, outletName: unit?.name ?? text, file: entry.file, errors: entry.errors };
  });
  const rejectedCodes = new Set(rejected.map((r) => r.outlet));
  return { ...summary, missing: summary.missing.filter((m) => !rejectedCodes.has(m.outlet)), rejected };
}
