import type { RoleGrant, RoleName, ScopedRole } from '@citycare/contract';
import { STAFF_ROLES } from '@citycare/contract/src/role-names';
import { SERVICE_CATEGORY_LABELS } from '@citycare/contract/src/service-labels';

/** The contract's Chinese role labels (defined at build time from contract/src/auth.ts). */
export const ROLE_LABELS = CONTRACT_ROLE_LABELS;

/** Roles that open a section of the staff workbench (the `staff` subpackage). */
export { STAFF_ROLES };
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Display name of a scope id (community, place, store, utility from config/city.yml; a consultation category). */
export function scopeName(scope: string): string {
  return SCOPE_NAMES[scope] ?? (SERVICE_CATEGORY_LABELS as Record<string, string>)[scope] ?? scope;
}

/** `社区工作者 · 建设社区`, or just `居民`. */
export function roleText(grant: RoleGrant): string {
  const label = ROLE_LABELS[grant.role];
  return grant.scope ? `${label} · ${scopeName(grant.scope)}` : label;
}

export function hasRole(roles: readonly RoleGrant[], role: RoleName): boolean {
  return roles.some((g) => g.role === role);
}

export function isStaff(roles: readonly RoleGrant[]): boolean {
  return roles.some((g) => (STAFF_ROLES as readonly RoleName[]).includes(g.role));
}

/** The scopes a user holds a role in (e.g. the communities of a worker). */
export function scopesOf(roles: readonly RoleGrant[], role: RoleName): string[] {
  return roles.filter((g) => g.role === role && g.scope).map((g) => g.scope as string);
}

/** Roles that need a scope (the contract's SCOPED_ROLES). */
export function needsScope(role: RoleName): role is ScopedRole {
  return (CONTRACT_SCOPED_ROLES as readonly RoleName[]).includes(role);
}

/** Roles that may carry a scope or not (the contract's OPTIONALLY_SCOPED_ROLES): service-centre staff. */
export function mayScope(role: RoleName): boolean {
  return CONTRACT_OPTIONALLY_SCOPED_ROLES.includes(role);
}
