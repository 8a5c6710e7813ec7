/** GET /audit?date=[&subBranch=] (auditor): the overview of a day, or one sub-branch per outlet. */
import * as z from 'zod';
import type { Finding } from '../findings/types';

export const auditQuerySchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  subBranch: z.string().min(1).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** One sub-branch of the overview: counts of its outlets on the day. */
export interface AuditLine {
  subBranch: string;
  name: string;
  expected: number;
  reported: number;
  onTime: number;
  late: number;
  nonCompliant: number;
  rejectedAttempts: number;
}

/** Without a sub-branch: one line per sub-branch. */
export interface AuditOverview {
  date: string;
  subBranches: AuditLine[];
}

/** An accepted version submitted on the day. */
export interface AuditedVersion {
  template: string | null;
  templateVersion: number | null;
  period: string | null;
  version: number | null;
  submittedAt: string;
  late: boolean;
  findings: Finding[];
}

/** A submission refused on the day (a sheet with errors). */
export interface RejectedAttempt {
  template: string | null;
  submittedAt: string;
  errorCount: number;
  findings: Finding[];
}

/** One outlet (or workplace) of a sub-branch on the day. */
export interface OutletAudit {
  outlet: string;
  outletName: string;
  reported: boolean;
  onTime: boolean;
  late: boolean;
  nonCompliant: boolean;
  versions: AuditedVersion[];
  rejectedAttempts: RejectedAttempt[];
}

/** With a sub-branch: every outlet it lists, then any unlisted one that submitted. */
export interface SubBranchAudit {
  date: string;
  subBranch: string;
  name: string;
  outlets: OutletAudit[];
}
