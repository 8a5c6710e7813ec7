/** GET /submissions/{outlet}/{template}/{period}: the current version, its rows and findings. */
import type { SubmissionView } from '#shared/api/submission-view';
import { maskFindingPhones } from '#shared/security/mask-finding-phones';
import { maskPhoneColumns } from '#shared/security/mask-phone-columns';
import { maskPhonesInText } from '#shared/security/mask-phones-in-text';
import type { TypedRow } from '#shared/validation/types';
import { findUnitSubBranch, getOrganisation } from '../adapters/org-store';
import { getHead, queryRows, type SubmissionHead } from '../adapters/submission-store';
import type { SubmissionId } from '../adapters/keys';
import { canReadOutlet, forbiddenScope, type Caller } from './caller';
import type { ServiceDeps } from './deps';
import { NotFoundError, SubmissionBusyError } from './errors';
import { findDuplicateCustomers } from './find-duplicate-customers';
import { loadRegistry } from './load-registry';

/** Reads the head, then its rows; a count short of the head's (a replacement deleted them meanwhile) reads again. */
export async function readCurrentRows(deps: ServiceDeps, id: SubmissionId, head: SubmissionHead): Promise<{ head: SubmissionHead; rows: TypedRow[] }> {
  let current = head;
  for (let tries = 0; tries < 5; tries++) {
    const rows = await queryRows(deps.table, id, current.attempt);
    if (rows.length === current.rowCount) return { head: current, rows };
    const again = await getHead(deps.table, id);
    if (!again) break;
    current = again;
  }
  throw new SubmissionBusyError();
}

/** A row of a template the registry no longer knows: without its phone columns, every mobile number written in a text is masked. */
function maskPhonesInRow(row: TypedRow): TypedRow {
  const values = Object.fromEntries(Object.entries(row.values).map(([col, value]) => [col, typeof value === 'string' ? maskPhonesInText(value) : value]));
  return { ...row, values };
}

export async function getSubmission(deps: ServiceDeps, caller: Caller, params: { outlet: string; template: string; period: string }): Promise<SubmissionView> {
  if (caller.role === 'outlet_head' && caller.outlet !== params.outlet) throw forbiddenScope(`网点 ${params.outlet} / outlet ${params.outlet}`);
  const subBranch = await findUnitSubBranch(deps.table, params.outlet);
  if (subBranch && !canReadOutlet(caller, subBranch, params.outlet)) throw forbiddenScope(`网点 ${params.outlet} / outlet ${params.outlet}`);
  // People know a template by its title, not its id.
  const notFound = async () => {
    const title = (await loadRegistry(deps)).current(params.template)?.title ?? params.template;
    return new NotFoundError(`没有网点 ${params.outlet} 的“${title}”${params.period} 报送`, `no "${title}" submission of outlet ${params.outlet} for ${params.period}`);
  };
  if (!subBranch) throw await notFound();
  const id: SubmissionId = { subBranch, template: params.template, period: params.period, outlet: params.outlet };
  const head = await getHead(deps.table, id);
  if (!head) throw await notFound();
  const { head: read, rows } = await readCurrentRows(deps, id, head);
  const registry = await loadRegistry(deps);
  const spec = registry.find({ id: read.template, version: read.templateVersion }) ?? registry.current(read.template);
  const ownOutlet = caller.role === 'outlet_head' && caller.outlet === params.outlet;
  const organisation = await getOrganisation(deps.table, subBranch, deps.now().getTime());
  const duplicates = spec && organisation ? await findDuplicateCustomers(deps, spec, organisation) : [];
  const { response: _r, aggregate: _a, findings, attempt: _t, ...submission } = read;
  const shown = [...findings, ...duplicates.filter((d) => d.outlet === params.outlet && d.period === params.period).map((d) => d.finding)];
  return {
    submission,
    // Only the sheet's own outlet head sees phone numbers in clear, in findings as in rows.
    findings: ownOutlet ? shown : shown.map((finding) => maskFindingPhones(finding, spec)),
    rows: ownOutlet ? rows : spec ? maskPhoneColumns(spec, rows) : rows.map(maskPhonesInRow),
  };
}
