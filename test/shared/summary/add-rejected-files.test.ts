import { addRejectedFiles } from '#shared/summary/add-rejected-files';
import { summariseSubmissions } from '#shared/summary/summarise-submissions';
import { inviteDaily, makeOrganisation, outletCode } from './summary-fixtures';

const oneDay = { from: '2026-12-01', to: '2026-12-01' };

describe('addRejectedFiles', () => {
  it('lists a file with errors by outlet code and name, and takes its outlet out of 未报送', () => {
    // Prepare
    const organisation = makeOrganisation();
    const summary = summariseSubmissions(inviteDaily, organisation, [], oneDay);
    const name = organisation.outlets[2].name;

    // Act
    const result = addRejectedFiles(summary, organisation, [{ unit: name, period: '2026-12-01', file: 'c.xlsx', errors: 3 }]);

    // Assess
    expect(result.rejected).toEqual([{ outlet: outletCode(3), outletName: name, file: 'c.xlsx', errors: 3 }]);
    expect(result.missing.map((m) => m.outlet)).not.toContain(outletCode(3));
    expect(result.missing).toHaveLength(summary.missing.length - 1);
    expect(summary.rejected).toBeUndefined();
  });

  it('leaves out a file of another period and keeps the text of a unit the organisation does not list', () => {
    // Prepare
    const organisation = makeOrganisation();
    const summary = summariseSubmissions(inviteDaily, organisation, [], oneDay);

    // Act
    const result = addRejectedFiles(summary, organisation, [
      { unit: outletCode(1), period: '2026-12-02', file: 'later.xlsx', errors: 1 },
      { unit: '不存在网点', period: null, file: 'odd.xlsx', errors: 2 },
    ]);

    // Assess
    expect(result.rejected).toEqual([{ outlet: '不存在网点', outletName: '不存在网点', file: 'odd.xlsx', errors: 2 }]);
    expect(result.missing).toEqual(summary.missing);
  });
});
