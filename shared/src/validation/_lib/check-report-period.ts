import { slotPhrases } from '../../findings/codes';
import { createFinding } from '../../findings/create-finding';
import { localisePhrase } from '../../findings/localise-phrase';
import type { LocalisedText } from '../../findings/render-message';
import type { Finding } from '../../findings/types';
import type { Organisation } from '../../org/schema';
import type { TypedValue } from '../types';
import type { CompiledSpec } from './compile-spec';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/**
 * The day a sheet reports (templates.md "Reading the rules"): `report-date-error` on its date cell
 * when the day (or, for a monthly sheet, the first day of its month) is after the day of checking,
 * and when a daily sheet's day is outside the campaign (its first day to its last sale day) of an
 * organisation that has one. Without an organisation the campaign check goes to `skipped`.
 * ISO days and months compare as text.
 */
export function checkReportPeriod(
  compiled: CompiledSpec,
  sheetName: string,
  header: Readonly<Record<string, TypedValue>>,
  asOf: string,
  organisation: Organisation | undefined,
  findings: Finding[],
  skipped: LocalisedText[],
): void {
  const period = compiled.periodField;
  if (!period) return;
  const value = header[period.field.key];
  if (typeof value !== 'string') return;
  const place = { sheetName, row: period.value.row, column: period.value.column };
  const label = period.field.label;
  const daily = compiled.spec.period === 'day' && DAY.test(value);
  const firstDay = daily ? value : MONTH.test(value) ? `${value}-01` : null;
  if (firstDay === null) return;
  if (firstDay > asOf) {
    findings.push(createFinding('report-date-error', place, { value, variant: daily ? 'default' : 'month', slots: { label, asOf } }));
    return;
  }
  if (!daily) return;
  if (!organisation) {
    skipped.push(localisePhrase(slotPhrases.campaignCheck, { label }));
    return;
  }
  const campaign = organisation.campaign;
  if (!campaign) return;
  const lastDay = [campaign.to, ...campaign.saleDays].reduce((last, day) => (day > last ? day : last));
  if (value < campaign.from || value > lastDay) {
    findings.push(createFinding('report-date-error', place, { value, variant: 'outside-campaign', slots: { label, from: campaign.from, to: lastDay } }));
  }
}
