/** GET /submissions/{outlet}/{template}/{period}: the current version, its findings and rows. */
import type { Finding } from '../findings/types';
import type { TypedRow } from '../validation/types';
import type { SubmissionVersion } from './submission-answer';

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
