/** GET /submissions/{outlet}/{template}/{period}: the current version, its findings and rows. */
import * as z from '../zod';
import { findingSchema } from '../findings/finding-schema';
import type { Finding } from '../findings/types';
import type { TypedRow } from '../validation/types';
import { submissionVersionSchema, type SubmissionVersion } from './submission-answer';

/** The current version as stored, with who submitted it. */
export interface StoredSubmission extends SubmissionVersion {
  /** The token subject of the submitter. */
  submitter: string;
  /** The sheet's 填报人, when filled. */
  submitterName: string | null;
}

export interface SubmissionView {
  submission: StoredSubmission;
  /** The stored findings, plus duplicate customers found since. */
  findings: Finding[];
  /** Phone numbers masked unless the caller is the outlet's own head. */
  rows: TypedRow[];
}

/** A typed row as the API sends it. */
export const typedRowSchema: z.ZodType<TypedRow> = z.object({
  rowNumber: z.number(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

/** The answer to GET /submissions/{outlet}/{template}/{period}, as the pane parses it. */
export const submissionViewSchema: z.ZodType<SubmissionView> = z.object({
  submission: z.intersection(submissionVersionSchema, z.object({ submitter: z.string(), submitterName: z.string().nullable() })),
  findings: z.array(findingSchema),
  rows: z.array(typedRowSchema),
});
