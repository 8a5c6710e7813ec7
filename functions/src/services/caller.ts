/** Who calls, from the token's claims, and what each role may see. Deny by default. */
import { roleSchema, scopeClaimSchema, type CallerClaims, type Role } from '#shared/api/caller-claims';
import { ForbiddenError, UnauthorizedError } from './errors';

export interface Caller {
  sub: string;
  role: Role;
  /** Sub-branch code of an outlet head or a sub-branch manager. */
  subBranch?: string;
  /** Outlet code of an outlet head. */
  outlet?: string;
  /** The person's name (the token's `name` claim), when the token carries one. */
  name?: string;
}

/** Reads the caller from Cognito-style claims; no claims is 401, an unknown role or a role without its scope is 403. */
export function callerFromClaims(claims: Record<string, unknown> | undefined): Caller {
  if (!claims || typeof claims.sub !== 'string' || claims.sub === '') throw new UnauthorizedError();
  const role = roleSchema.safeParse(claims['custom:role' satisfies keyof CallerClaims]);
  if (!role.success) throw new ForbiddenError('账号没有可用的角色', 'the account has no known role');
  const subBranch = scopeClaimSchema.safeParse(claims['custom:subBranch' satisfies keyof CallerClaims]);
  const outlet = scopeClaimSchema.safeParse(claims['custom:outlet' satisfies keyof CallerClaims]);
  const caller: Caller = { sub: claims.sub, role: role.data };
  if (subBranch.success && subBranch.data) caller.subBranch = subBranch.data;
  if (outlet.success && outlet.data) caller.outlet = outlet.data;
  const name = claims['name' satisfies keyof CallerClaims];
  if (typeof name === 'string' && name.trim() !== '') caller.name = name.trim();
  if (caller.role === 'outlet_head' && (!caller.subBranch || !caller.outlet)) {
    throw new ForbiddenError('网点主任账号缺少支行或网点', 'an outlet head account must name its sub-branch and outlet');
  }
  if (caller.role === 'subbranch_manager' && !caller.subBranch) {
    throw new ForbiddenError('支行经理账号缺少支行', 'a sub-branch manager account must name its sub-branch');
  }
  return caller;
}

/** Throws 403 unless the caller has one of `roles`. */
export function requireRole(caller: Caller, ...roles: Role[]): void {
  if (!roles.includes(caller.role)) {
    throw new ForbiddenError(`此操作需要角色：${roles.join('、')}`, `this needs the role ${roles.join(' or ')}`);
  }
}

/** May the caller read one outlet's submission? Its head, its sub-branch's manager, any auditor. */
export function canReadOutlet(caller: Caller, subBranch: string, outlet: string): boolean {
  if (caller.role === 'auditor') return true;
  if (caller.role === 'subbranch_manager') return caller.subBranch === subBranch;
  return caller.subBranch === subBranch && caller.outlet === outlet;
}

/** May the caller read a sub-branch's consolidated summary? Its manager, its outlet heads (ranks and own rows), any auditor. */
export function canReadSubBranch(caller: Caller, subBranch: string): boolean {
  return caller.role === 'auditor' || caller.subBranch === subBranch;
}

export function forbiddenScope(what: string): ForbiddenError {
  return new ForbiddenError(`无权访问：${what}`, `out of your scope: ${what}`);
}
