/**
 * The pane and the server check a sheet the same way: the pane's check path (the in-memory workbook behind the
 * WorkbookHost port, with the organisation as GET /org gives it to the outlet head) and the server's 422
 * (submitWorkbook on DynamoDB Local) give equal findings: codes, addresses, severities, values, fixes, messages.
 */
import '../../functions/helpers/env';
import { setDefaultTable } from '#functions/adapters/dynamo';
import { handler as getOrg } from '#functions/handlers/get-org';
import { submitWorkbook } from '#functions/services/submit-workbook';
import { orgViewSchema } from '#shared/api/org-view';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { createTemplateRegistry } from '#shared/spec/template-registry';
import { checkActiveSheet, highlightsFor } from '#addin/actions/sheet-checks';
import { MemoryWorkbook } from '#addin/excel/memory-workbook';
import { excelSerialFromDate } from '#shared/normalise/excel-serial-from-date';
import { CAMPAIGN_TIME_ZONE } from '#shared/period/campaign-time-zone';
import { isoDateInTimeZone } from '#shared/period/iso-date-in-time-zone';
import { planTemplateSheet } from '#addin/sheets/plan-template-sheet';
import { bodyOf, claimsFor, httpEvent, lambdaContext } from '../../functions/helpers/events';
import { createScenario, jsonBody, outletHead, type Scenario } from '../../functions/helpers/scenario';

const registry = createTemplateRegistry(builtinTemplates);
const spec = registry.current('invite-daily')!;

describe('pane and server parity', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await createScenario('org-parity');
    process.env.TABLE_NAME = s.table.tableName;
    setDefaultTable(s.table);
  });

  it('gives the same findings in the pane as in the server 422 for a sheet with a wrong sale day', async () => {
    // Prepare: the organisation as the outlet head's pane receives it, and a sheet of 2026-12-03 typed as a person would
    const answer = await getOrg(httpEvent({ path: '/org/3301', pathParameters: { subBranch: '3301' }, claims: claimsFor('outlet_head', { subBranch: '3301', outlet: '3301001' }) }), lambdaContext);
    const organisation = orgViewSchema.parse(bodyOf(answer));
    const asOf = isoDateInTimeZone(s.clock.now, CAMPAIGN_TIME_ZONE);
    const workbook = new MemoryWorkbook();
    await workbook.insertTemplateSheet(planTemplateSheet(spec, { header: { subBranch: '3301', outlet: '3301001', reportDate: asOf, submitter: '王建国' } }));
    workbook.setValues('邀约明细', 'B5', [
      ['张三', '13800138000', '存量客户', '高端客户', 150, '保险到期', 45, '电话', '李经理', '是', '是', excelSerialFromDate('2026-12-20')],
      ['李四', '13900139000', '流量客户', '普通客户', '30万', '无', 40, '短信', '李经理', '是', null, excelSerialFromDate('2026-12-09'), null, null, null, '是'],
      ['王五', null, '路过客户', '普通客户', 25, '无', 52, '面谈', '李经理', '否'],
    ]);

    // Act
    const pane = await checkActiveSheet(workbook, registry, asOf, organisation);
    const read = await workbook.readActiveSheet();
    if (!pane.ok || !read.ok) throw new Error('the in-memory workbook could not be read');
    const server = await submitWorkbook(s.deps, { caller: outletHead(s.organisation, 0), ...jsonBody(read.value.workbook) });

    // Assess
    expect(server.statusCode).toBe(422);
    const serverFindings = (server.body as { findings: unknown[] }).findings;
    expect(pane.value.validation.findings).toEqual(serverFindings);
    const codes = pane.value.validation.findings.map((f) => [f.address, f.code, f.severity]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['邀约明细!M5', expect.any(String), 'error'],
        ['邀约明细!Q6', expect.any(String), 'error'],
        ['邀约明细!D7', 'enum-error', 'error'],
        ['邀约明细!F6', expect.any(String), 'warning'],
      ]),
    );
    expect(pane.value.validation.findings.find((f) => f.address === '邀约明细!M5')?.message_zh).toContain('2026-12-08');
    expect(pane.value.validation.findings.map((f) => f.code)).not.toContain('org-rules-skipped');
    // The server's findings mark the same cells the pane's own check marks.
    expect(highlightsFor('邀约明细', serverFindings as typeof pane.value.validation.findings)).toEqual(highlightsFor('邀约明细', pane.value.validation.findings));
    expect(Object.fromEntries(workbook.sheet('邀约明细')!.highlights)).toMatchObject({ M5: 'error', Q6: 'error', D7: 'error', F6: 'warning' });
  });
});
