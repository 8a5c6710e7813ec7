/** PUT /org/{subBranch} (auditor): stores the organisation file of a sub-branch. */
import { JSONStringified } from '@aws-lambda-powertools/parser/helpers';
import { organisationSchema } from '../../../shared/src/org/schema';
import { httpEventSchema, httpRoute } from '../middleware/http-handler';
import { jsonResponse } from '../middleware/responses';
import { defaultDeps } from '../services/deps';
import { putOrganisation } from '../services/put-organisation';

const schema = httpEventSchema.extend({ body: JSONStringified(organisationSchema) });

export const handler = httpRoute(
  async (event, caller) => jsonResponse(200, { organisation: await putOrganisation(defaultDeps(), caller, event.pathParameters?.subBranch ?? '', event.body) }),
  { schema },
);
