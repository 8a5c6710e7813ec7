/** GET /health: open to anyone. */
import { publicHttpRoute } from '../middleware/http-handler';
import { jsonResponse } from '../middleware/responses';

export const handler = publicHttpRoute(async () => jsonResponse(200, { status: 'ok', service: 'pts' }));
