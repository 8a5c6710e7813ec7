/** GET /audit?date=[&subBranch=][&template=] (auditor). */
import { auditQuerySchema } from '#shared/api/audit-view';
import { httpRoute } from '../middleware/http-handler';
import { jsonResponse } from '../middleware/responses';
import { getAuditOverview, getSubBranchAudit } from '../services/get-audit';
import { requireRole } from '../services/caller';
import { defaultDeps } from '../services/deps';

export const handler = httpRoute(async (event, caller) => {
  requireRole(caller, 'auditor');
  const query = auditQuerySchema.parse(event.queryStringParameters ?? {});
  const deps = defaultDeps();
  const options = { template: query.template };
  const body = query.subBranch ? await getSubBranchAudit(deps, caller, query.date, query.subBranch, options) : await getAuditOverview(deps, caller, query.date, options);
  return jsonResponse(200, body);
});
