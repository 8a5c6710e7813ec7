import '../helpers/env';
import { setDefaultTable } from '#functions/adapters/dynamo';
import { handler as getAudit } from '#functions/handlers/get-audit';
import { getAuditOverview, getSubBranchAudit } from '#functions/services/get-audit';
import { bodyOf, claimsFor, httpEvent, lambdaContext } from '../helpers/events';
import { buildTemplateWorkbook } from '#functions/local/demo-data';
import { submitWorkbook } from '#functions/services/submit-workbook';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import type { TemplateSpec } from '#shared/spec/schema';
import { createScenario, inviteSheet, jsonBody, outletHead, type Scenario } from '../helpers/scenario';

const auditor = { sub: 'auditor-1', role: 'auditor' as const };
const activitySpec = builtinTemplates.find((s) => s.id === 'activity-tracking') as TemplateSpec;

/** 2026-12-02 18:00 in Asia/Shanghai, before the 20:00 deadline. */
const DEC_2 = new Date('2026-12-02T10:00:00Z');
/** 2026-12-31 12:00 in Asia/Shanghai. */
const DEC_31 = new Date('2026-12-31T04:00:00Z');

function activitySheet(outlet: string) {
  return buildTemplateWorkbook(activitySpec, { unit: outlet, reportMonth: '2026-12', submitter: '李四' }, [
    { B: '观影会', C: '获客', D: '观影', E: '2026-12-01', F: '职场自办', G: '李四', H: 3, I: 20, J: 12, K: 4, L: 15, M: 2000, N: 1800, O: 2, P: 60000, R: '是', S: '是', T: 4 },
  ]);
}

describe('GET /audit per template', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await createScenario('audit-tpl');
    process.env.TABLE_NAME = s.table.tableName;
    setDefaultTable(s.table);
    s.clock.now = DEC_2;
    // 2026-12-02: three outlets send their 邀约明细 of the day; 3301004 sends only its monthly 活动追踪.
    for (const index of [0, 1, 2]) {
      const answer = await submitWorkbook(s.deps, { caller: outletHead(s.organisation, index), ...jsonBody(inviteSheet(s.organisation, index, 3, '2026-12-02')) });
      expect(answer.statusCode).toBe(201);
    }
    const monthly = await submitWorkbook(s.deps, { caller: outletHead(s.organisation, 3), ...jsonBody(activitySheet('3301004')) });
    expect(monthly.statusCode).toBe(201);
  });

  it('does not count an outlet that sent only its monthly sheet as having reported the daily template', async () => {
    // Act
    const overview = await getAuditOverview(s.deps, auditor, '2026-12-02');
    // Assess
    expect(overview.templates.map((t) => [t.template, t.period, t.dueDay, t.due])).toEqual([['invite-daily', '2026-12-02', '2026-12-02', true]]);
    expect(overview.templates[0].subBranches.find((l) => l.subBranch === '3301')).toEqual({
      subBranch: '3301',
      name: '城东支行',
      expected: 10,
      reported: 3,
      onTime: 3,
      late: 0,
      nonCompliant: 0,
      rejectedAttempts: 0,
      due: true,
    });
    expect(overview.subBranches.find((l) => l.subBranch === '3301')).toMatchObject({ expected: 10, reported: 3 });
  });

  it('lists 3301004 as not reported in the sub-branch audit of the day', async () => {
    // Act
    const audit = await getSubBranchAudit(s.deps, auditor, '2026-12-02', '3301');
    // Assess
    expect(audit.templates.map((t) => t.template)).toEqual(['invite-daily']);
    const outlet4 = audit.templates[0].outlets.find((o) => o.outlet === '3301004');
    expect(outlet4).toMatchObject({ reported: false, onTime: false, versions: [] });
    expect(audit.templates[0].outlets.filter((o) => !o.reported).map((o) => o.outlet)).toEqual(['3301004', '3301005', '3301006', '3301007', '3301008', '3301009', '3301010']);
    expect(audit.outlets).toEqual(audit.templates[0].outlets);
  });

  it('shows the monthly sheet when 活动追踪 is asked for, not due before the month ends', async () => {
    // Act
    const audit = await getSubBranchAudit(s.deps, auditor, '2026-12-02', '3301', { template: 'activity-tracking' });
    // Assess
    expect(audit.templates.map((t) => [t.template, t.period, t.dueDay, t.due])).toEqual([['activity-tracking', '2026-12', '2026-12-31', false]]);
    const reported = audit.templates[0].outlets.filter((o) => o.reported);
    expect(reported.map((o) => [o.outlet, o.onTime, o.versions.map((v) => `${v.template} v${v.templateVersion} ${v.period}`)])).toEqual([
      ['3301004', true, ['activity-tracking v1 2026-12']],
    ]);
  });

  it('finds the month\'s monthly sheets on the month\'s last day, when 活动追踪 is due', async () => {
    // Act
    s.clock.now = DEC_31;
    const overview = await getAuditOverview(s.deps, auditor, '2026-12-31');
    // Assess: nothing daily is due after the campaign; the monthly template is, and its December sheet counts.
    expect(overview.templates.map((t) => [t.template, t.due])).toEqual([['activity-tracking', true]]);
    expect(overview.templates[0].subBranches.find((l) => l.subBranch === '3301')).toMatchObject({ expected: 10, reported: 1, onTime: 1, due: true });
  });

  it('makes the sales evaluation due on sale days only', async () => {
    // Act
    const saleDay = await getAuditOverview(s.deps, auditor, '2026-12-08');
    // Assess
    expect(saleDay.templates.map((t) => t.template)).toEqual(['sales-evaluation']);
    expect(saleDay.templates[0].subBranches.find((l) => l.subBranch === '3301')).toMatchObject({ expected: 10, reported: 0, due: true });
  });

  it('refuses an unknown template in Chinese, naming the parameter', async () => {
    // Act / Assess
    await expect(getAuditOverview(s.deps, auditor, '2026-12-02', { template: 'no-such' })).rejects.toMatchObject({ statusCode: 400, message_zh: '未知的模板：no-such（参数 template）' });
  });

  it('answers GET /audit?template= over HTTP with the template block alone', async () => {
    // Act
    const result = await getAudit(httpEvent({ path: '/audit', query: { date: '2026-12-02', subBranch: '3301', template: 'invite-daily' }, claims: claimsFor('auditor') }), lambdaContext);
    // Assess
    expect(result.statusCode).toBe(200);
    const body = bodyOf(result) as { templates: { template: string; outlets: { outlet: string; reported: boolean }[] }[] };
    expect(body.templates.map((t) => [t.template, t.outlets.filter((o) => o.reported).map((o) => o.outlet)])).toEqual([['invite-daily', ['3301001', '3301002', '3301003']]]);
  });

  it('answers an unknown template over HTTP with 400 and both languages', async () => {
    // Act
    const result = await getAudit(httpEvent({ path: '/audit', query: { date: '2026-12-02', template: 'no-such' }, claims: claimsFor('auditor') }), lambdaContext);
    // Assess
    expect([result.statusCode, bodyOf(result)]).toEqual([400, { code: 'unknown-template', message_zh: '未知的模板：no-such（参数 template）', message_en: 'unknown template: no-such (parameter template)' }]);
  });
});
