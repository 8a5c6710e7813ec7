/** PUT /org/{subBranch} (auditor): stores the organisation file. */
import { organisationSchema, type Organisation } from '#shared/org/schema';
import { putOrganisation as storeOrganisation, UnitOfOtherSubBranchError } from '../adapters/org-store';
import { requireRole, type Caller } from './caller';
import type { ServiceDeps } from './deps';
import { BadRequestError, VersionConflictError } from './errors';

export async function putOrganisation(deps: ServiceDeps, caller: Caller, subBranch: string, body: unknown): Promise<Organisation> {
  requireRole(caller, 'auditor');
  const organisation = organisationSchema.parse(body);
  if (organisation.code !== subBranch) {
    throw new BadRequestError('org-path-mismatch', `路径中的支行 ${subBranch} 与文件中的 ${organisation.code} 不一致`, `sub-branch ${subBranch} in the path differs from ${organisation.code} in the file`);
  }
  const codes = [...organisation.outlets, ...(organisation.workplaces ?? [])].map((unit) => unit.code);
  const repeated = codes.find((code, index) => codes.indexOf(code) !== index);
  if (repeated !== undefined) {
    throw new BadRequestError('org-duplicate-unit', `机构文件中代码 ${repeated} 出现了不止一次`, `code ${repeated} is listed more than once in the organisation file`);
  }
  try {
    await storeOrganisation(deps.table, organisation, caller.sub, deps.now().toISOString());
  } catch (error) {
    if (!(error instanceof UnitOfOtherSubBranchError)) throw error;
    // Moving an outlet is two steps: remove it from its sub-branch's file, then list it in the new one.
    const kindZh = error.kind === 'outlet' ? '网点' : '职场';
    throw new VersionConflictError(
      'unit-in-other-sub-branch',
      `${kindZh} ${error.unit} 已属于支行 ${error.ownerSubBranch}，不能列入支行 ${error.subBranch}；请先从支行 ${error.ownerSubBranch} 的机构文件中移除它`,
      `${error.kind} ${error.unit} belongs to sub-branch ${error.ownerSubBranch} and cannot be listed by sub-branch ${error.subBranch}; remove it from the organisation file of ${error.ownerSubBranch} first`,
    );
  }
  return organisation;
}
