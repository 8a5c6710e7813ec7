/** POST /submissions: what the API answers to a submitted sheet (201 stored, 422 a sheet with errors). */
import * as z from '../zod';
import { findingSchema } from '../findings/finding-schema';
import type { Finding } from '../findings/types';
import type { ApiErrorBody } from './error-body';

/** One stored version of an outlet's report for a template and period. */
export interface SubmissionVersion {
  subBranch: string;
  outlet: string;
  template: string;
  templateVersion: number;
  /** The report's day (YYYY-MM-DD) or month (YYYY-MM). */
  period: string;
  /** 1 for the first submission, then one more per replacement. */
  version: number;
  /** Received after the deadline of the report's day. */
  late: boolean;
  /** ISO timestamp (UTC). */
  submittedAt: string;
  rowCount: number;
  contentHash: string;
}

/** 201: the sheet is stored; warnings and notices (and a late-submission finding) come with it. */
export interface AcceptedSubmission {
  submission: SubmissionVersion;
  findings: Finding[];
}

/** 422: nothing was stored; `findings` lists the errors and warnings. */
export interface RejectedSubmission extends ApiErrorBody {
  findings: Finding[];
}

/** The status and body of a POST /submissions answer; a replay gives the first answer again, byte for byte. */
export type SubmissionAnswer =
  | { statusCode: 201; body: AcceptedSubmission }
  | { statusCode: 422; body: RejectedSubmission }
  /** 413: a sheet over a cap (its rows); the code and messages name the cap, the findings come as with a 422. */
  | { statusCode: 413; body: RejectedSubmission };

export const submissionVersionSchema: z.ZodType<SubmissionVersion> = z.object({
  subBranch: z.string(),
  outlet: z.string(),
  template: z.string(),
  templateVersion: z.number(),
  period: z.string(),
  version: z.number(),
  late: z.boolean(),
  submittedAt: z.string(),
  rowCount: z.number(),
  contentHash: z.string(),
});

/** The 201 answer to POST /submissions, as the pane parses it. */
export const acceptedSubmissionSchema: z.ZodType<AcceptedSubmission> = z.object({
  submission: submissionVersionSchema,
  findings: z.array(findingSchema),
});
