/** PUT /templates/{id}/{version} (auditor): a new template version; an existing version is 409. */
import * as z from '#shared/zod';
import { httpRoute, withJsonBody } from '../middleware/http-handler';
import { jsonResponse } from '../middleware/responses';
import { defaultDeps } from '../services/deps';
import { parseVersion, putTemplate } from '../services/manage-templates';

const schema = withJsonBody(z.record(z.string(), z.unknown()));

export const handler = httpRoute(
  async (event, caller) => {
    const version = parseVersion(event.pathParameters?.version);
    return jsonResponse(201, await putTemplate(defaultDeps(), caller, event.pathParameters?.id ?? '', version, event.body));
  },
  { schema },
);
