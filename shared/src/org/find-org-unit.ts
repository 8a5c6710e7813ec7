import type { OrgUnit, Organisation } from './schema';

/** Which list of the organisation a name or code is looked up in. */
export type OrgUnitKind = 'subBranch' | 'outlet' | 'outletOrWorkplace';

/**
 * Finds a unit of the organisation by its code or its name (both compared after trimming spaces):
 * the sub-branch itself, one of its outlets, or an outlet or workplace (职场). Codes win over names.
 */
export function findOrgUnit(organisation: Organisation, nameOrCode: string, kind: OrgUnitKind): OrgUnit | undefined {
  const wanted = nameOrCode.trim();
  if (wanted === '') return undefined;
  const candidates: readonly OrgUnit[] =
    kind === 'subBranch'
      ? [{ code: organisation.code, name: organisation.name }]
      : kind === 'outlet'
        ? organisation.outlets
        : [...organisation.outlets, ...(organisation.workplaces ?? [])];
  return candidates.find((unit) => unit.code.trim() === wanted) ?? candidates.find((unit) => unit.name.trim() === wanted);
}
