/** Key builders of the single table (docs/data-model.md). */
export const pad6 = (n: number): string => String(n).padStart(6, '0');

export const orgKey = (subBranch: string) => ({ pk: `ORG#${subBranch}`, sk: 'ORG' });
export const subBranchIndexKey = (subBranch: string) => ({ pk: 'ORGS', sk: `SB#${subBranch}` });
export const unitKey = (unit: string) => ({ pk: `UNIT#${unit}`, sk: 'UNIT' });
export const templateSpecKey = (id: string, version: number) => ({ pk: 'TEMPLATES', sk: `SPEC#${id}#V#${pad6(version)}` });
export const templateCurrentKey = (id: string) => ({ pk: 'TEMPLATES', sk: `CURRENT#${id}` });

export interface SubmissionId {
  subBranch: string;
  template: string;
  period: string;
  outlet: string;
}
export const headKey = (id: SubmissionId) => ({ pk: `SUB#${id.subBranch}#${id.template}`, sk: `P#${id.period}#U#${id.outlet}` });
export const rowsPk = (id: SubmissionId, attempt: string): string =>
  `ROWS#${id.subBranch}#${id.template}#${id.period}#${id.outlet}#${attempt}`;
export const rowSk = (index: number): string => `R#${pad6(index)}`;
export const phoneIndexPk = (subBranch: string, campaignFrom: string): string => `PHONE#${subBranch}#${campaignFrom}`;
export const auditPk = (subBranch: string, date: string): string => `AUDIT#${subBranch}#${date}`;
export const idempotencyKey = (hash: string) => ({ pk: `IDEM#${hash}`, sk: 'IDEM' });
/**
 * Attempt markers (one partition, sorted by creation time): rows that no head references yet
 * (`pending`) or any more (`replaced`). The sweep removes what a crashed or timed-out request left.
 */
export const ATTEMPTS_PK = 'ATTEMPTS';
export const attemptMarkerKey = (createdAt: string, rowsPartition: string) => ({ pk: ATTEMPTS_PK, sk: `${createdAt}#${rowsPartition}` });
