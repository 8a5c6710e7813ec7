import { describeTemplateDue } from '#shared/audit/describe-template-due';
import { listDueTemplates } from '#shared/audit/list-due-templates';
import { organisationSchema } from '#shared/org/schema';
import { lastDayOfMonth } from '#shared/period';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import type { TemplateSpec } from '#shared/spec/schema';

const organisation = organisationSchema.parse({
  code: '3301',
  name: '城东支行',
  outlets: [
    { code: '3301002', name: '新华路网点' },
    { code: '3301001', name: '营业部' },
  ],
  campaign: { from: '2026-12-01', to: '2026-12-07', saleDays: ['2026-12-08', '2026-12-09', '2026-12-10'] },
});
const spec = (id: string) => builtinTemplates.find((s) => s.id === id) as TemplateSpec;

describe('describeTemplateDue', () => {
  it('makes 邀约明细 due on each campaign day, for that day, from the outlets in code order', () => {
    expect(describeTemplateDue(spec('invite-daily'), organisation, '2026-12-07')).toEqual({
      template: 'invite-daily',
      title: '网点客户邀约每日明细表',
      version: 1,
      period: '2026-12-07',
      due: true,
      dueDay: '2026-12-07',
      units: [
        { code: '3301001', name: '营业部' },
        { code: '3301002', name: '新华路网点' },
      ],
    });
    expect(describeTemplateDue(spec('invite-daily'), organisation, '2026-12-08').due).toBe(false);
    expect(describeTemplateDue(spec('invite-daily'), organisation, '2026-11-30').due).toBe(false);
  });

  it('makes 活动追踪 due on the month\'s last day, covering the month, from the workplaces when listed', () => {
    const withWorkplaces = { ...organisation, workplaces: [{ code: 'W1', name: '城东职场' }] };
    expect(describeTemplateDue(spec('activity-tracking'), withWorkplaces, '2026-12-02')).toMatchObject({ period: '2026-12', dueDay: '2026-12-31', due: false, units: [{ code: 'W1' }] });
    expect(describeTemplateDue(spec('activity-tracking'), organisation, '2026-12-31')).toMatchObject({ period: '2026-12', due: true, units: [{ code: '3301001' }, { code: '3301002' }] });
  });

  describe('edge cases', () => {
    it('makes no daily template due without a campaign', () => {
      const { campaign: _campaign, ...noCampaign } = organisation;
      expect(listDueTemplates(builtinTemplates, noCampaign, '2026-12-02')).toEqual([]);
    });

    it('lists only the sales evaluation on a sale day, and the monthly one too when the sale day ends the month', () => {
      expect(listDueTemplates(builtinTemplates, organisation, '2026-12-09').map((t) => t.template)).toEqual(['sales-evaluation']);
      const monthEnd = { ...organisation, campaign: { from: '2026-12-20', to: '2026-12-26', saleDays: ['2026-12-31'] } };
      expect(listDueTemplates(builtinTemplates, monthEnd, '2026-12-31').map((t) => t.template)).toEqual(['activity-tracking', 'sales-evaluation']);
    });

    it('finds the last day of short months and leap Februaries', () => {
      expect([lastDayOfMonth('2027-02-03'), lastDayOfMonth('2028-02-10'), lastDayOfMonth('2026-04-30'), lastDayOfMonth('2026-12-31')]).toEqual(['2027-02-28', '2028-02-29', '2026-04-30', '2026-12-31']);
    });
  });
});
