import { listExpectedUnits } from '#shared/summary/list-expected-units';
import { activityTracking, inviteDaily, makeOrganisation } from './summary-fixtures';

const workplaces = [
  { code: 'W02', name: '城西职场' },
  { code: 'W01', name: '城东职场' },
];

describe('listExpectedUnits', () => {
  it('expects the outlets for an outlet template even when workplaces are listed', () => {
    // Act
    const units = listExpectedUnits(inviteDaily, makeOrganisation({ workplaces }));

    // Assess
    expect(units.map((unit) => unit.code)).toEqual(makeOrganisation().outlets.map((unit) => unit.code));
  });

  it('expects the workplaces, in code order, for 活动追踪 when the organisation lists some', () => {
    // Act
    const units = listExpectedUnits(activityTracking, makeOrganisation({ workplaces }));

    // Assess
    expect(units.map((unit) => unit.code)).toEqual(['W01', 'W02']);
  });

  it('expects the outlets for 活动追踪 when the organisation lists an empty workplace list', () => {
    // Act
    const units = listExpectedUnits(activityTracking, makeOrganisation({ workplaces: [] }));

    // Assess
    expect(units).toHaveLength(10);
  });
});
