import type { Organisation, OrgUnit } from '../org/schema';
import { lastDayOfMonth, listDays, monthOfDate } from '../period';
import type { TemplateSpec } from '../spec/schema';
import { listExpectedUnits } from '../summary/list-expected-units';

/** Whether one template is due from a sub-branch on one day, for which period, and from whom. */
export interface TemplateDue {
  template: string;
  title: string;
  /** The version the audit holds as current. */
  version: number;
  /** The period a sheet must cover to count for the day: the day itself (daily) or its month `YYYY-MM` (monthly). */
  period: string;
  /** True when the day is one the template must be reported by (a campaign or sale day; the month's last day). */
  due: boolean;
  /** The day whose deadline applies: the day itself (daily), the month's last day (monthly). */
  dueDay: string;
  /** Who must report it: the organisation's outlets, or its workplaces for templates they submit (templates.md). */
  units: OrgUnit[];
}

function isDailyDue(spec: TemplateSpec, organisation: Organisation, day: string): boolean {
  const campaign = organisation.campaign;
  if (!campaign) return false;
  if (spec.dueOn === 'sale-days') return campaign.saleDays.includes(day);
  return campaign.from <= campaign.to && listDays(campaign.from, campaign.to).includes(day);
}

/**
 * Describes a template on a day for one organisation (one rule for the server's audit and the pane):
 * a daily template is due on each day of the campaign's accumulation period (`dueOn: 'campaign-days'`)
 * or on each sale day (`dueOn: 'sale-days'`), never without a campaign; a monthly template is due on
 * the month's last day and covers the whole month.
 */
export function describeTemplateDue(spec: TemplateSpec, organisation: Organisation, day: string): TemplateDue {
  const monthly = spec.period === 'month';
  const dueDay = monthly ? lastDayOfMonth(day) : day;
  return {
    template: spec.id,
    title: spec.title,
    version: spec.version,
    period: monthly ? monthOfDate(day) : day,
    due: monthly ? day === dueDay : isDailyDue(spec, organisation, day),
    dueDay,
    units: listExpectedUnits(spec, organisation),
  };
}
