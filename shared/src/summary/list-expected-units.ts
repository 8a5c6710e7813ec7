import type { Organisation, OrgUnit } from '../org/schema';
import type { TemplateSpec } from '../spec/schema';

/**
 * The units expected to report a template: the organisation's outlets for `units: 'outlets'`; for
 * `'outletsAndWorkplaces'` its workplaces (职场) when it lists any, else its outlets (a sub-branch without
 * 职场 has its outlets report). In code order. Used for 未报送 in summaries and for the audit's counts.
 */
export function listExpectedUnits(spec: TemplateSpec, organisation: Organisation): OrgUnit[] {
  const units =
    spec.summary.units === 'outletsAndWorkplaces' && organisation.workplaces && organisation.workplaces.length > 0
      ? organisation.workplaces
      : organisation.outlets;
  return [...units].sort((a, b) => (a.code === b.code ? 0 : a.code < b.code ? -1 : 1));
}
