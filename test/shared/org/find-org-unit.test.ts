import { findOrgUnit } from '#shared/org/find-org-unit';
import { organisationSchema } from '#shared/org/schema';

const organisation = organisationSchema.parse({
  code: '3301',
  name: '城东支行',
  outlets: [
    { code: '3301001', name: '城东支行营业部' },
    { code: '3301002', name: '新华路网点' },
  ],
  workplaces: [{ code: 'W01', name: '城东职场' }],
});

describe('findOrgUnit', () => {
  it('finds an outlet by its name', () => {
    expect(findOrgUnit(organisation, '新华路网点', 'outlet')).toEqual({ code: '3301002', name: '新华路网点' });
  });

  it('finds an outlet by its code, spaces trimmed', () => {
    expect(findOrgUnit(organisation, ' 3301001 ', 'outlet')?.name).toBe('城东支行营业部');
  });

  it('finds the sub-branch itself by name or code', () => {
    expect([findOrgUnit(organisation, '城东支行', 'subBranch')?.code, findOrgUnit(organisation, '3301', 'subBranch')?.code]).toEqual(['3301', '3301']);
  });

  it('finds a workplace only when workplaces are asked for', () => {
    expect([findOrgUnit(organisation, '城东职场', 'outlet'), findOrgUnit(organisation, '城东职场', 'outletOrWorkplace')?.code]).toEqual([undefined, 'W01']);
  });

  it('finds nothing for an unknown name', () => {
    expect(findOrgUnit(organisation, '西湖网点', 'outletOrWorkplace')).toBeUndefined();
  });
});
