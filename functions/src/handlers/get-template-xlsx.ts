/** GET /templates/{id}/{version}.xlsx: the blank template workbook (any signed-in user). */
import { httpRoute } from '../middleware/http-handler';
import { xlsxResponse } from '../middleware/responses';
import { defaultDeps } from '../services/deps';
import { getTemplateWorkbook } from '../services/get-template-workbook';
import { parseVersion } from '../services/manage-templates';

export const handler = httpRoute(async (event) => {
  const id = event.pathParameters?.id ?? '';
  const version = parseVersion(event.pathParameters?.version);
  return xlsxResponse(await getTemplateWorkbook(defaultDeps(), id, version), `${id}.v${version}.xlsx`);
});
