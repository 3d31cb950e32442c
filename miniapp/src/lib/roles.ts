import { ROLE_LABELS, type RoleGrant, type RoleName, type ScopedRole } from '@citycare/contract';

export { ROLE_LABELS };

/** Roles that open a section of the staff workbench (the `staff` subpackage). */
export const STAFF_ROLES = ['checkpoint', 'store', 'utility', 'official', 'admin'] as const satisfies readonly RoleName[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Display name of a scope id (community, place, store, utility), from config/city.yml. */
export function scopeName(scope: string): string {
  return SCOPE_NAMES[scope] ?? scope;
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

/**
 * Roles that need a scope. Mirrors the contract's SCOPED_ROLES without importing its module at run
 * time; `satisfies` fails the build if the two lists drift apart.
 */
const SCOPED = { worker: true, checkpoint: true, store: true, utility: true } satisfies Record<ScopedRole, true>;

export function needsScope(role: RoleName): role is ScopedRole {
  return role in SCOPED;
}
