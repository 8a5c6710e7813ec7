/**
 * GET /audit?date=[&subBranch=] (auditor): from the append-only audit records of the day.
 * Without a sub-branch: one line per sub-branch (the ORGS index, then one Query each); with one: per outlet.
 */
import type { AuditLine, AuditOverview, OutletAudit, SubBranchAudit } from '../../../shared/src/api/audit-view';
import { getOrganisation, listSubBranches } from '../adapters/org-store';
import { queryAudit, type AuditRecord } from '../adapters/submission-store';
import { requireRole, type Caller } from './caller';
import type { ServiceDeps } from './deps';
import { NotFoundError } from './errors';
import { loadRegistry } from './load-registry';
import { maskViewFindings } from './mask-view-findings';

/** Findings that say the sheet departs from the issued template (as opposed to data warnings). */
const NON_COMPLIANCE = new Set([
  'missing-label',
  'incorrect-label',
  'extra-label',
  'computed-cell-overwritten',
  'template-identity-missing',
  'template-version-outdated',
]);

interface OutletTally {
  reported: boolean;
  onTime: boolean;
  nonCompliant: boolean;
  rejected: number;
}

function tally(records: readonly AuditRecord[], outlet: string): OutletTally {
  const mine = records.filter((r) => r.outlet === outlet);
  const accepted = mine.filter((r) => r.outcome === 'accepted');
  const rejected = mine.filter((r) => r.outcome === 'rejected');
  return {
    reported: accepted.length > 0,
    onTime: accepted.some((r) => !r.late),
    nonCompliant: rejected.length > 0 || accepted.some((r) => r.findings.some((f) => NON_COMPLIANCE.has(f.code))),
    rejected: rejected.length,
  };
}

export async function getAuditOverview(deps: ServiceDeps, caller: Caller, date: string): Promise<AuditOverview> {
  requireRole(caller, 'auditor');
  const subBranches = await listSubBranches(deps.table);
  const lines = await Promise.all(
    subBranches.map(async (entry): Promise<AuditLine> => {
      const [organisation, records] = await Promise.all([
        getOrganisation(deps.table, entry.subBranch, deps.now().getTime()),
        queryAudit(deps.table, entry.subBranch, date),
      ]);
      const outlets = organisation?.outlets.map((o) => o.code) ?? [];
      const tallies = outlets.map((o) => tally(records, o));
      return {
        subBranch: entry.subBranch,
        name: entry.name,
        expected: outlets.length,
        reported: tallies.filter((t) => t.reported).length,
        onTime: tallies.filter((t) => t.onTime).length,
        late: tallies.filter((t) => t.reported && !t.onTime).length,
        nonCompliant: tallies.filter((t) => t.nonCompliant).length,
        rejectedAttempts: records.filter((r) => r.outcome === 'rejected').length,
      };
    }),
  );
  return { date, subBranches: lines };
}

export async function getSubBranchAudit(deps: ServiceDeps, caller: Caller, date: string, subBranch: string): Promise<SubBranchAudit> {
  requireRole(caller, 'auditor');
  const organisation = await getOrganisation(deps.table, subBranch, deps.now().getTime());
  if (!organisation) throw new NotFoundError(`支行 ${subBranch} 尚无机构文件`, `sub-branch ${subBranch} has no organisation file`);
  const records = await queryAudit(deps.table, subBranch, date);
  const units = [...organisation.outlets, ...(organisation.workplaces ?? [])];
  const listed = new Set(units.map((u) => u.code));
  const unlisted = [...new Set(records.map((r) => r.outlet).filter((o): o is string => !!o && !listed.has(o)))].map((code) => ({ code, name: code }));
  const outlets = [...units, ...unlisted].map((unit): OutletAudit => {
    const t = tally(records, unit.code);
    const mine = records.filter((r) => r.outlet === unit.code);
    return {
      outlet: unit.code,
      outletName: unit.name,
      reported: t.reported,
      onTime: t.onTime,
      late: t.reported && !t.onTime,
      nonCompliant: t.nonCompliant,
      versions: mine
        .filter((r) => r.outcome === 'accepted')
        .map((r) => ({ template: r.template, templateVersion: r.templateVersion, period: r.period, version: r.version, submittedAt: r.submittedAt, late: r.late, findings: r.findings })),
      rejectedAttempts: mine
        .filter((r) => r.outcome === 'rejected')
        .map((r) => ({ template: r.template, submittedAt: r.submittedAt, errorCount: r.errorCount, findings: r.findings })),
    };
  });
  // Auditors are never the sheet's own outlet head: phone numbers in findings are masked (PIPL).
  return maskViewFindings({ date, subBranch, name: organisation.name, outlets }, await loadRegistry(deps));
}
