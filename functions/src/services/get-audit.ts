/**
 * GET /audit?date=[&subBranch=][&template=] (auditor), per template (docs/data-model.md patterns 15, 16, 18).
 * An outlet has reported a template only with a sheet of that template covering the block's period:
 * - daily templates: the accepted audit records of the day (their `date` is the report's day);
 * - monthly templates: the heads of the month (pattern 12 with period `YYYY-MM`), since a monthly
 *   sheet's audit record is filed under its arrival day; rejected attempts are those filed that day.
 * Without `template`, one block per template due that day (shared/src/audit/list-due-templates.ts).
 * The older top-level fields repeat the first block; when no template is due they keep their old meaning
 * (every record of the day, whatever its template).
 */
import type {
  AuditLine,
  AuditOverviewView,
  AuditedVersion,
  OutletAudit,
  RejectedAttempt,
  SubBranchAuditView,
  TemplateOverviewBlock,
  TemplateSubBranchBlock,
} from '#shared/api/audit-view';
import { describeTemplateDue, type TemplateDue } from '#shared/audit/describe-template-due';
import { listDueTemplates } from '#shared/audit/list-due-templates';
import type { Organisation, OrgUnit } from '#shared/org/schema';
import type { TemplateSpec } from '#shared/spec/schema';
import { getOrganisation, listSubBranches } from '../adapters/org-store';
import { queryAudit, queryHeads, type AuditRecord, type SubmissionHead } from '../adapters/submission-store';
import { requireRole, type Caller } from './caller';
import type { ServiceDeps } from './deps';
import { BadRequestError, NotFoundError } from './errors';
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

export interface AuditOptions {
  /** One template id: only its block, whether due that day or not. */
  template?: string;
}

/** What one unit did for one block (or, without a block, on the day). */
interface UnitStatus {
  versions: AuditedVersion[];
  rejectedAttempts: RejectedAttempt[];
}

function rejectedOf(record: AuditRecord): RejectedAttempt {
  return { template: record.template, submittedAt: record.submittedAt, errorCount: record.errorCount, findings: record.findings };
}

function versionOf(record: AuditRecord | SubmissionHead): AuditedVersion {
  return {
    template: record.template,
    templateVersion: record.templateVersion,
    period: record.period,
    version: record.version,
    submittedAt: record.submittedAt,
    late: record.late,
    findings: record.findings,
  };
}

function outletAudit(unit: OrgUnit, status: UnitStatus): OutletAudit {
  const reported = status.versions.length > 0;
  const onTime = status.versions.some((v) => !v.late);
  return {
    outlet: unit.code,
    outletName: unit.name,
    reported,
    onTime,
    late: reported && !onTime,
    nonCompliant: status.rejectedAttempts.length > 0 || status.versions.some((v) => v.findings.some((f) => NON_COMPLIANCE.has(f.code))),
    versions: status.versions,
    rejectedAttempts: status.rejectedAttempts,
  };
}

/** The expected units in code order, then any other unit that sent something counted here. */
function listUnits(expected: readonly OrgUnit[], organisation: Organisation, senders: Iterable<string>): OrgUnit[] {
  const listed = new Set(expected.map((u) => u.code));
  const names = new Map([...organisation.outlets, ...(organisation.workplaces ?? [])].map((u) => [u.code, u.name]));
  const others = [...new Set(senders)].filter((code) => !listed.has(code)).map((code) => ({ code, name: names.get(code) ?? code }));
  return [...expected, ...others];
}

/** The outlets of one template block of a sub-branch (`records`: the day's audit records of the sub-branch). */
async function auditTemplateBlock(deps: ServiceDeps, organisation: Organisation, due: TemplateDue, records: readonly AuditRecord[]): Promise<OutletAudit[]> {
  const mine = records.filter((r) => r.template === due.template && r.outlet);
  // An upload refused before its template could be read (over a read cap) belongs to no one template: it is
  // listed in every block, so the auditor sees it whichever template is chosen.
  const rejected = records.filter((r) => r.outcome === 'rejected' && r.outlet && (r.template === due.template || r.template === null));
  let accepted: (AuditRecord | SubmissionHead)[];
  if (due.period.length === 7) {
    accepted = await queryHeads(deps.table, organisation.code, due.template, due.period, due.period);
  } else {
    accepted = mine.filter((r) => r.outcome === 'accepted' && r.period === due.period);
  }
  const senders = [...accepted.map((r) => r.outlet), ...rejected.map((r) => r.outlet)].filter((o): o is string => !!o);
  return listUnits(due.units, organisation, senders).map((unit) =>
    outletAudit(unit, {
      versions: accepted.filter((r) => r.outlet === unit.code).map(versionOf),
      rejectedAttempts: rejected.filter((r) => r.outlet === unit.code).map(rejectedOf),
    }),
  );
}

/** The day's records whatever their template (the top-level fields when no template is due). */
function auditAnyTemplate(organisation: Organisation, records: readonly AuditRecord[]): OutletAudit[] {
  const units = [...organisation.outlets, ...(organisation.workplaces ?? [])];
  const senders = records.map((r) => r.outlet).filter((o): o is string => !!o);
  return listUnits(units, organisation, senders).map((unit) => {
    const mine = records.filter((r) => r.outlet === unit.code);
    return outletAudit(unit, {
      versions: mine.filter((r) => r.outcome === 'accepted').map(versionOf),
      rejectedAttempts: mine.filter((r) => r.outcome === 'rejected').map(rejectedOf),
    });
  });
}

function lineOf(subBranch: string, name: string, expected: number, outlets: readonly OutletAudit[], rejectedAttempts: number): AuditLine {
  const counted = outlets.slice(0, expected);
  return {
    subBranch,
    name,
    expected,
    reported: counted.filter((o) => o.reported).length,
    onTime: counted.filter((o) => o.onTime).length,
    late: counted.filter((o) => o.late).length,
    nonCompliant: counted.filter((o) => o.nonCompliant).length,
    rejectedAttempts,
  };
}

/** The current version of each template, in registry order; only `template` when one is asked for. */
async function currentSpecs(deps: ServiceDeps, template: string | undefined): Promise<TemplateSpec[]> {
  const registry = await loadRegistry(deps);
  const ids = [...new Set(registry.all.map((s) => s.id))];
  const specs = ids.map((id) => registry.current(id)).filter((s): s is TemplateSpec => !!s);
  if (template === undefined) return specs;
  const spec = specs.find((s) => s.id === template);
  if (!spec) throw new BadRequestError('unknown-template', `未知的模板：${template}（参数 template）`, `unknown template: ${template} (parameter template)`);
  return [spec];
}

/** A sub-branch's organisation, or an empty one (no outlets, no campaign) for an index entry without a file. */
function organisationOrEmpty(organisation: Organisation | undefined, code: string, name: string): Organisation {
  return organisation ?? { code, name, outlets: [], targets: {}, deadline: '20:00' };
}

interface SubBranchBlocks {
  organisation: Organisation;
  records: AuditRecord[];
  blocks: { due: TemplateDue; outlets: OutletAudit[] }[];
}

async function auditSubBranchBlocks(deps: ServiceDeps, organisation: Organisation, date: string, specs: readonly TemplateSpec[], onlyDue: boolean): Promise<SubBranchBlocks> {
  const records = await queryAudit(deps.table, organisation.code, date);
  const dues = onlyDue ? listDueTemplates(specs, organisation, date) : specs.map((spec) => describeTemplateDue(spec, organisation, date));
  const blocks = await Promise.all(dues.map(async (due) => ({ due, outlets: await auditTemplateBlock(deps, organisation, due, records) })));
  return { organisation, records, blocks };
}

function rejectedCount(records: readonly AuditRecord[], template?: string): number {
  return records.filter((r) => r.outcome === 'rejected' && (template === undefined || r.template === template || r.template === null)).length;
}

export async function getAuditOverview(deps: ServiceDeps, caller: Caller, date: string, options: AuditOptions = {}): Promise<AuditOverviewView> {
  requireRole(caller, 'auditor');
  const [specs, subBranches] = await Promise.all([currentSpecs(deps, options.template), listSubBranches(deps.table)]);
  const nowMs = deps.now().getTime();
  // Every template is described per sub-branch (campaigns differ); a block is kept when due in one of them, or asked for.
  const perSubBranch = await Promise.all(
    subBranches.map(async (entry) => {
      const organisation = organisationOrEmpty(await getOrganisation(deps.table, entry.subBranch, nowMs), entry.subBranch, entry.name);
      return { entry, ...(await auditSubBranchBlocks(deps, organisation, date, specs, false)) };
    }),
  );
  const templates: TemplateOverviewBlock[] = [];
  specs.forEach((spec, index) => {
    const lines = perSubBranch.map(({ entry, records, blocks }) => {
      const { due, outlets } = blocks[index];
      return { ...lineOf(entry.subBranch, entry.name, due.units.length, outlets, rejectedCount(records, spec.id)), due: due.due };
    });
    const info = describeTemplateDue(spec, organisationOrEmpty(undefined, '', ''), date);
    const due = lines.some((l) => l.due);
    if (due || options.template !== undefined) {
      templates.push({ template: spec.id, title: spec.title, version: spec.version, period: info.period, dueDay: info.dueDay, due, subBranches: lines });
    }
  });
  const first = templates[0];
  const lines: AuditLine[] = first
    ? first.subBranches.map(({ due: _due, ...line }) => line)
    : perSubBranch.map(({ entry, organisation, records }) => {
        const outlets = auditAnyTemplate(organisation, records);
        return lineOf(entry.subBranch, entry.name, organisation.outlets.length, outlets, rejectedCount(records));
      });
  return { date, subBranches: lines, templates };
}

export async function getSubBranchAudit(deps: ServiceDeps, caller: Caller, date: string, subBranch: string, options: AuditOptions = {}): Promise<SubBranchAuditView> {
  requireRole(caller, 'auditor');
  const [specs, organisation] = await Promise.all([currentSpecs(deps, options.template), getOrganisation(deps.table, subBranch, deps.now().getTime())]);
  if (!organisation) throw new NotFoundError(`支行 ${subBranch} 尚无机构文件`, `sub-branch ${subBranch} has no organisation file`);
  const { records, blocks } = await auditSubBranchBlocks(deps, organisation, date, specs, options.template === undefined);
  const templates: TemplateSubBranchBlock[] = blocks.map(({ due, outlets }) => ({
    template: due.template,
    title: due.title,
    version: due.version,
    period: due.period,
    dueDay: due.dueDay,
    due: due.due,
    outlets,
  }));
  const outlets = templates[0]?.outlets ?? auditAnyTemplate(organisation, records);
  // Auditors are never the sheet's own outlet head: phone numbers in findings are masked (PIPL).
  return maskViewFindings({ date, subBranch, name: organisation.name, outlets, templates }, await loadRegistry(deps));
}
