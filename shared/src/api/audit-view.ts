/**
 * GET /audit?date=[&subBranch=][&template=] (auditor): the overview of a day, or one sub-branch per outlet.
 * Per template: an outlet has reported a template only with a sheet of that template (for a monthly one,
 * a sheet of the day's month). Without `template`: one block per template due that day (`templates`);
 * the older top-level fields (`subBranches`, `outlets`) repeat the first block, for clients that read them.
 */
import * as z from '../zod';
import type { Finding } from '../findings/types';
import { findingSchema } from '../findings/finding-schema';

export const auditQuerySchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  subBranch: z.string().min(1).optional(),
  /** One template id: only its block, due that day or not. */
  template: z.string().min(1).optional(),
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

/** What a block says about its template on the day (shared/src/audit/describe-template-due.ts). */
export interface AuditTemplateInfo {
  template: string;
  title: string;
  /** The current version of the template. */
  version: number;
  /** The period a sheet must cover to count: the day (daily templates) or its month `YYYY-MM` (monthly). */
  period: string;
  /** The day whose deadline applies: the day, or the month's last day. */
  dueDay: string;
  /** Due on this day (in the overview: in at least one sub-branch). */
  due: boolean;
}

/** One sub-branch in a template block of the overview; `due` may differ between sub-branches (their campaigns). */
export interface TemplateAuditLine extends AuditLine {
  due: boolean;
}

/** The overview of one template. */
export interface TemplateOverviewBlock extends AuditTemplateInfo {
  subBranches: TemplateAuditLine[];
}

/** The audit of one sub-branch for one template: its expected units, then any unlisted one that sent this template. */
export interface TemplateSubBranchBlock extends AuditTemplateInfo {
  outlets: OutletAudit[];
}

/** GET /audit?date=[&template=]: the older per-sub-branch lines (the first block) and one block per template. */
export interface AuditOverviewView extends AuditOverview {
  /** `template` asked: that template's block alone; else the templates due that day, in registry order. */
  templates: TemplateOverviewBlock[];
}

/** GET /audit?date=&subBranch=[&template=]: the older outlet list (the first block) and one block per template. */
export interface SubBranchAuditView extends SubBranchAudit {
  templates: TemplateSubBranchBlock[];
}

const auditLineShape = {
  subBranch: z.string(),
  name: z.string(),
  expected: z.number(),
  reported: z.number(),
  onTime: z.number(),
  late: z.number(),
  nonCompliant: z.number(),
  rejectedAttempts: z.number(),
};

const outletAuditSchema: z.ZodType<OutletAudit> = z.object({
  outlet: z.string(),
  outletName: z.string(),
  reported: z.boolean(),
  onTime: z.boolean(),
  late: z.boolean(),
  nonCompliant: z.boolean(),
  versions: z.array(
    z.object({
      template: z.string().nullable(),
      templateVersion: z.number().nullable(),
      period: z.string().nullable(),
      version: z.number().nullable(),
      submittedAt: z.string(),
      late: z.boolean(),
      findings: z.array(findingSchema),
    }),
  ),
  rejectedAttempts: z.array(z.object({ template: z.string().nullable(), submittedAt: z.string(), errorCount: z.number(), findings: z.array(findingSchema) })),
});

const templateInfoShape = {
  template: z.string(),
  title: z.string(),
  version: z.number(),
  period: z.string(),
  dueDay: z.string(),
  due: z.boolean(),
};

export const auditOverviewViewSchema: z.ZodType<AuditOverviewView> = z.object({
  date: z.string(),
  subBranches: z.array(z.object(auditLineShape)),
  templates: z.array(z.object({ ...templateInfoShape, subBranches: z.array(z.object({ ...auditLineShape, due: z.boolean() })) })),
});

export const subBranchAuditViewSchema: z.ZodType<SubBranchAuditView> = z.object({
  date: z.string(),
  subBranch: z.string(),
  name: z.string(),
  outlets: z.array(outletAuditSchema),
  templates: z.array(z.object({ ...templateInfoShape, outlets: z.array(outletAuditSchema) })),
});

/** The answer to GET /audit, as the pane parses it: one line per sub-branch, or one sub-branch's outlets. */
export const auditViewSchema: z.ZodType<AuditOverviewView | SubBranchAuditView> = z.union([subBranchAuditViewSchema, auditOverviewViewSchema]);
