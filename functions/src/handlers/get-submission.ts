/** GET /submissions/{outlet}/{template}/{period}: that outlet's head, its sub-branch manager, auditors. */
import { httpRoute } from '../middleware/http-handler';
import { jsonResponse } from '../middleware/responses';
import { defaultDeps } from '../services/deps';
import { BadRequestError } from '../services/errors';
import { getSubmission } from '../services/get-submission';

export const handler = httpRoute(async (event, caller) => {
  const { outlet, template, period } = event.pathParameters ?? {};
  if (!outlet || !template || !period) throw new BadRequestError('bad-path', '路径应为 /submissions/{网点}/{模板}/{期间}', 'the path must be /submissions/{outlet}/{template}/{period}');
  return jsonResponse(200, await getSubmission(defaultDeps(), caller, { outlet, template, period }));
});
