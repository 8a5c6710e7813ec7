/**
 * Roles and the token claims the API reads to know who calls (a Cognito ID token in AWS, the local
 * stack's own token in `npm start`). contract.md, "HTTP API" and "Local stack".
 */
import * as z from '../zod';

export const roleSchema = z.enum(['outlet_head', 'subbranch_manager', 'auditor']);
export type Role = z.infer<typeof roleSchema>;

/** A scope claim (sub-branch or outlet code): non-empty text; a number (a code sent as a number) is read as its text. */
export const scopeClaimSchema = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1)).optional();

/**
 * The claims of a token as the API reads them: `sub`, the role and, by role, the sub-branch and outlet
 * (Cognito custom attributes). Type only: readers name a claim as `'custom:role' satisfies keyof CallerClaims`,
 * which costs the Lambda bundles nothing.
 */
export interface CallerClaims {
  sub: string;
  'custom:role': Role;
  /** Sub-branch code of an outlet head or a sub-branch manager. */
  'custom:subBranch'?: string;
  /** Outlet code of an outlet head. */
  'custom:outlet'?: string;
  /** Display name (the pane shows it as 填报人). */
  name?: string;
}
