/** Answers of the HTTP API in their full contract shape (shared/src/api), for the pane's fake servers. */
import type { SubmissionVersion } from '#shared/api/submission-answer';
import type { StoredSubmission } from '#shared/api/submission-view';

/** A stored version of 3301001's 邀约明细 for 2026-12-01, with `overrides`. */
export function submissionVersion(overrides: Partial<SubmissionVersion> = {}): SubmissionVersion {
  return {
    subBranch: '3301',
    outlet: '3301001',
    template: 'invite-daily',
    templateVersion: 1,
    period: '2026-12-01',
    version: 1,
    late: false,
    submittedAt: '2026-12-01T02:00:00.000Z',
    rowCount: 1,
    contentHash: 'sha256-0',
    ...overrides,
  };
}

export function storedSubmission(overrides: Partial<StoredSubmission> = {}): StoredSubmission {
  return { ...submissionVersion(), submitter: 'local-outlet_head-3301001', submitterName: null, ...overrides };
}
