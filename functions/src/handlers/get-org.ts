/** GET /org/{subBranch}: that sub-branch's outlet heads (what their checks need), its manager, auditors. */
import { httpRoute } from '../middleware/http-handler';
import { jsonResponse } from '../middleware/responses';
import { defaultDeps } from '../services/deps';
import { BadRequestError } from '../services/errors';
import { getOrganisation } from '../services/get-organisation';

export const handler = httpRoute(async (event, caller) => {
  const subBranch = event.pathParameters?.subBranch;
  if (!subBranch) throw new BadRequestError('bad-path', '路径应为 /org/{支行}', 'the path must be /org/{subBranch}');
  return jsonResponse(200, await getOrganisation(defaultDeps(), caller, subBranch));
});
