import '../helpers/env';
import { getAuditOverview, getSubBranchAudit } from '#functions/services/get-audit';
import { getConsolidated } from '#functions/services/get-consolidated';
import { getConsolidatedWorkbook } from '#functions/services/get-consolidated-workbook';
import { getSubmission } from '#functions/services/get-submission';
import { submitWorkbook } from '#functions/services/submit-workbook';
import { readWorkbook } from '#shared/xlsx/read-workbook';
import { createScenario, inviteSheet, jsonBody, LATE, ON_TIME, outletHead, setCell, type Scenario } from '../helpers/scenario';

const manager = { sub: 'manager-3301', role: 'subbranch_manager' as const, subBranch: '3301' };
const auditor = { sub: 'auditor-1', role: 'auditor' as const };

describe('read views: duplicates, consolidated workbook, audit', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await createScenario('views');
    // outlets 1 and 2 invite the same customer (same phone, written differently) on different days
    await submitWorkbook(s.deps, { caller: outletHead(s.organisation, 0), ...jsonBody(setCell(inviteSheet(s.organisation, 0, 3, '2026-12-02'), 1, 'C', '13911112222')) });
    await submitWorkbook(s.deps, { caller: outletHead(s.organisation, 1), ...jsonBody(setCell(inviteSheet(s.organisation, 1, 3), 2, 'C', '+86 139-1111-2222')) });
    // outlet 3: a formula-like customer name, on time
    await submitWorkbook(s.deps, { caller: outletHead(s.organisation, 2), ...jsonBody(setCell(inviteSheet(s.organisation, 2, 2), 0, 'B', '=HYPERLINK("x")')) });
    // outlet 4: rejected once, then accepted late
    await submitWorkbook(s.deps, { caller: outletHead(s.organisation, 3), ...jsonBody(setCell(inviteSheet(s.organisation, 3, 2), 0, 'D', '路过')) });
    s.clock.now = LATE;
    await submitWorkbook(s.deps, { caller: outletHead(s.organisation, 3), ...jsonBody(inviteSheet(s.organisation, 3, 2)) });
    s.clock.now = ON_TIME;
  });

  it('reports a customer invited by two outlets of the sub-branch on both rows, to the manager', async () => {
    // Act
    const { view } = await getConsolidated(s.deps, manager, { template: 'invite-daily', subBranch: '3301', from: '2026-12-01', to: '2026-12-07', rows: '1' });
    // Assess
    expect(view.duplicates?.map((d) => [d.outlet, d.period, d.finding.code, d.finding.address, d.finding.value])).toEqual([
      ['3301001', '2026-12-02', 'duplicate-customer', '邀约明细!C6', '139****2222'],
      ['3301002', '2026-12-03', 'duplicate-customer', '邀约明细!C7', '139****2222'],
    ]);
  });

  it('shows the duplicate on the submission of the outlet that submitted first', async () => {
    // Act
    const view = await getSubmission(s.deps, outletHead(s.organisation, 0), { outlet: '3301001', template: 'invite-daily', period: '2026-12-02' });
    // Assess
    expect(view.findings.filter((f) => f.code === 'duplicate-customer').map((f) => f.address)).toEqual(['邀约明细!C6']);
  });

  it('writes the consolidated workbook with formula-like text kept inert', async () => {
    // Act
    const bytes = await getConsolidatedWorkbook(s.deps, manager, { template: 'invite-daily', subBranch: '3301', from: '2026-12-03', to: '2026-12-03', rows: '1' });
    // Assess
    const workbook = await readWorkbook(bytes);
    const cells = workbook.sheets.flatMap((sheet) => sheet.values.flat().map((v, i) => ({ v, f: sheet.formulas?.flat()[i] ?? null })));
    const named = cells.filter((c) => typeof c.v === 'string' && c.v.includes('HYPERLINK'));
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((c) => c.f === null)).toBe(true);
  });

  it('counts per sub-branch: expected, reported, on time, late, non-compliant, rejected attempts', async () => {
    // Act
    const overview = await getAuditOverview(s.deps, auditor, '2026-12-03');
    // Assess
    expect(overview.subBranches.find((l) => l.subBranch === '3301')).toEqual({
      subBranch: '3301',
      name: '城东支行',
      expected: 10,
      reported: 3,
      onTime: 2,
      late: 1,
      nonCompliant: 1,
      rejectedAttempts: 1,
    });
    expect(overview.subBranches.find((l) => l.subBranch === '3302')).toMatchObject({ expected: 3, reported: 0 });
  });

  it('lists per outlet its versions and rejected attempts with findings', async () => {
    // Act
    const audit = await getSubBranchAudit(s.deps, auditor, '2026-12-03', '3301');
    // Assess
    const outlet4 = audit.outlets.find((o) => o.outlet === '3301004');
    expect(outlet4).toMatchObject({ reported: true, onTime: false, late: true, nonCompliant: true });
    expect(outlet4?.versions.map((v) => [v.version, v.late, v.findings.map((f) => f.code)])).toEqual([[1, true, ['late-submission']]]);
    expect(outlet4?.rejectedAttempts.map((r) => r.findings.map((f) => [f.code, f.address]))).toEqual([[['enum-error', '邀约明细!D5']]]);
    expect(audit.outlets.find((o) => o.outlet === '3301010')).toMatchObject({ reported: false, versions: [] });
  });
});
