/** GET /consolidated?template=&subBranch=&from=&to=[&ranking=dense][&rows=1] */
import { httpRoute } from '../middleware/http-handler';
import { jsonResponse } from '../middleware/responses';
import { defaultDeps } from '../services/deps';
import { getConsolidated } from '../services/get-consolidated';

export const handler = httpRoute(async (event, caller) => {
  const { view } = await getConsolidated(defaultDeps(), caller, event.queryStringParameters ?? {});
  return jsonResponse(200, view);
});
