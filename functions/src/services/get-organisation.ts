/** GET /org/{subBranch}: the organisation file of a sub-branch for its outlet heads (their checks' view), its manager and auditors. */
import { outletHeadOrgView, type OrgView } from '#shared/api/org-view';
import { getOrganisation as readOrganisation } from '../adapters/org-store';
import { canReadSubBranch, forbiddenScope, type Caller } from './caller';
import type { ServiceDeps } from './deps';
import { NotFoundError } from './errors';

export async function getOrganisation(deps: ServiceDeps, caller: Caller, subBranch: string): Promise<OrgView> {
  if (!canReadSubBranch(caller, subBranch)) throw forbiddenScope(`支行 ${subBranch} / sub-branch ${subBranch}`);
  const organisation = await readOrganisation(deps.table, subBranch, deps.now().getTime());
  if (!organisation) throw new NotFoundError(`支行 ${subBranch} 尚无机构文件`, `sub-branch ${subBranch} has no organisation file`);
  return caller.role === 'outlet_head' ? outletHeadOrgView(organisation) : organisation;
}
