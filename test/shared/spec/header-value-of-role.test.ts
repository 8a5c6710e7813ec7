import { headerValueOfRole } from '#shared/spec/header-value-of-role';
import { builtinTemplates } from '#shared/spec/builtin-templates';

const invite = builtinTemplates.find((s) => s.id === 'invite-daily')!;
const activity = builtinTemplates.find((s) => s.id === 'activity-tracking')!;

describe('headerValueOfRole', () => {
  it('reads the value of each role of 邀约明细 from its typed header', () => {
    // Prepare
    const header = { subBranch: '城东支行', outlet: '城东支行营业部', reportDate: '2026-12-03', submitter: '王主任' };
    // Act
    const values = (['subBranch', 'unit', 'period', 'submitter'] as const).map((role) => headerValueOfRole(invite, header, role));
    // Assess
    expect(values).toEqual(['城东支行', '城东支行营业部', '2026-12-03', '王主任']);
  });

  it('finds the field by its role, whatever its key is called in the template (活动追踪 填报月份)', () => {
    const periodKey = activity.headerFields.find((f) => f.role === 'period')!.key;
    expect(headerValueOfRole(activity, { [periodKey]: '2026-12' }, 'period')).toBe('2026-12');
  });

  it('writes out a number (an outlet code typed as a number) and trims text', () => {
    expect([headerValueOfRole(invite, { outlet: 3301001 }, 'unit'), headerValueOfRole(invite, { outlet: ' 3301001 ' }, 'unit')]).toEqual(['3301001', '3301001']);
  });

  it('is null for an empty, missing or blank value, and for a role the template does not have', () => {
    const roles = [
      headerValueOfRole(invite, {}, 'unit'),
      headerValueOfRole(invite, { outlet: null }, 'unit'),
      headerValueOfRole(invite, { outlet: '  ' }, 'unit'),
      headerValueOfRole({ headerFields: [] }, { outlet: '3301001' }, 'unit'),
    ];
    expect(roles).toEqual([null, null, null, null]);
  });
});
