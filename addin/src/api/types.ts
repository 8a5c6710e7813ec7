/**
 * Shapes of the HTTP API as contract.md describes them (the pane's view; the server's own types live in shared/ and functions/).
 */
import type { TypedRow } from '../../../shared/src/validation/types';
import type { Finding } from '../../../shared/src/findings/types';

export type Role = 'outlet_head' | 'subbranch_manager' | 'auditor';

/** The `summary --json` object of contract.md, as GET /consolidated answers it. */
export interface ConsolidatedSummaryView {
  template: string;
  subBranch: string;
  from: string;
  to: string;
  ranking: string;
  outlets: { outlet: string; outletName: string; rank: number | null; ranks?: Record<string, number | null>; values: Record<string, number | null> }[];
  missing: { outlet: string; outletName: string }[];
  total: Record<string, number | null>;
  /** With `rows=1`: the outlets' rows, phone numbers masked. */
  rows?: { unit?: string; outlet?: string; rows: TypedRow[] }[];
}

/** The error body of every route. */
export interface ApiErrorBody {
  code: string;
  message_zh: string;
  message_en: string;
  findings?: Finding[];
}

/** Who is signed in, from the token's claims. */
export interface SignedInUser {
  token: string;
  role: Role;
  subBranch: string | null;
  outlet: string | null;
  /** Shown as 填报人; the token's name claim, else its subject. */
  name: string;
}
