import '../helpers/env';
import { setDefaultTable } from '#functions/adapters/dynamo';
import { handler as getSubmission } from '#functions/handlers/get-submission';
import { bodyOf, claimsFor, httpEvent, lambdaContext } from '../helpers/events';
import { createScenario } from '../helpers/scenario';

describe('GET /submissions/{outlet}/{template}/{period} without a submission', () => {
  beforeAll(async () => {
    const s = await createScenario('get-submission-404');
    process.env.TABLE_NAME = s.table.tableName;
    setDefaultTable(s.table);
  });

  it('answers 404 naming the template by its title, in Chinese and English', async () => {
    // Act
    const result = await getSubmission(
      httpEvent({
        path: '/submissions/3301001/invite-daily/2026-12-02',
        pathParameters: { outlet: '3301001', template: 'invite-daily', period: '2026-12-02' },
        claims: claimsFor('outlet_head', { subBranch: '3301', outlet: '3301001' }),
      }),
      lambdaContext,
    );
    // Assess
    expect(result.statusCode).toBe(404);
    expect([bodyOf(result).message_zh, bodyOf(result).message_en]).toEqual([
      '没有网点 3301001 的“网点客户邀约每日明细表”2026-12-02 报送',
      'no "网点客户邀约每日明细表" submission of outlet 3301001 for 2026-12-02',
    ]);
  });
});
