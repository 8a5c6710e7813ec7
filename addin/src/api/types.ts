/**
 * Shapes of the HTTP API (contract.md). The contract itself lives once in shared/src/api/; the pane
 * re-exports what it uses and adds only its own view of the signed-in user.
 */
import type { Role } from '#shared/api/caller-claims';

export type { Role } from '#shared/api/caller-claims';
export type { ApiErrorBody } from '#shared/api/error-body';
/** The `summary --json` object of contract.md as GET /consolidated answers it, with `rows` when asked. */
export type { ConsolidatedView as ConsolidatedSummaryView } from '#shared/api/consolidated-view';

/** Who is signed in, from the token's claims. */
export interface SignedInUser {
  token: string;
  role: Role;
  subBranch: string | null;
  outlet: string | null;
  /** Shown as 填报人; the token's name claim, else its subject. */
  name: string;
}
