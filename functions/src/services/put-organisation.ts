/** PUT /org/{subBranch} (auditor): stores the organisation file. */
import { organisationSchema, type Organisation } from '../../../shared/src/org/schema';
import { putOrganisation as storeOrganisation } from '../adapters/org-store';
import { requireRole, type Caller } from './caller';
import type { ServiceDeps } from './deps';
import { BadRequestError } from './errors';

export async function putOrganisation(deps: ServiceDeps, caller: Caller, subBranch: string, body: unknown): Promise<Organisation> {
  requireRole(caller, 'auditor');
  const organisation = organisationSchema.parse(body);
  if (organisation.code !== subBranch) {
    throw new BadRequestError('org-path-mismatch', `路径中的支行 ${subBranch} 与文件中的 ${organisation.code} 不一致`, `sub-branch ${subBranch} in the path differs from ${organisation.code} in the file`);
  }
  await storeOrganisation(deps.table, organisation, caller.sub, deps.now().toISOString());
  return organisation;
}
