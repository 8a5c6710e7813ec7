/** GET /templates: every template with its current and known versions (any signed-in user). */
import { httpRoute } from '../middleware/http-handler';
import { jsonResponse } from '../middleware/responses';
import { defaultDeps } from '../services/deps';
import { listTemplates } from '../services/manage-templates';

export const handler = httpRoute(async () => jsonResponse(200, await listTemplates(defaultDeps())));
