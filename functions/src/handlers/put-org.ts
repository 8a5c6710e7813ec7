/** PUT /org/{subBranch} (auditor): stores the organisation file of a sub-branch. */
import { organisationSchema } from '#shared/org/schema';
import { httpRoute, withJsonBody } from '../middleware/http-handler';
import { jsonResponse } from '../middleware/responses';
import { defaultDeps } from '../services/deps';
import { putOrganisation } from '../services/put-organisation';

const schema = withJsonBody(organisationSchema);

export const handler = httpRoute(
  async (event, caller) => jsonResponse(200, { organisation: await putOrganisation(defaultDeps(), caller, event.pathParameters?.subBranch ?? '', event.body) }),
  { schema },
);
