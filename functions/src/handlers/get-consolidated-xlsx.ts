/** GET /consolidated.xlsx?...: the consolidated summary as a workbook (formula-like text inert, phones masked). */
import { httpRoute } from '../middleware/http-handler';
import { xlsxResponse } from '../middleware/responses';
import { defaultDeps } from '../services/deps';
import { getConsolidatedWorkbook } from '../services/get-consolidated-workbook';

export const handler = httpRoute(async (event, caller) => {
  const query = event.queryStringParameters ?? {};
  const bytes = await getConsolidatedWorkbook(defaultDeps(), caller, query);
  return xlsxResponse(bytes, `${query.subBranch ?? ''}-${query.template ?? ''}-${query.from ?? ''}-${query.to ?? query.from ?? ''}.xlsx`);
});
