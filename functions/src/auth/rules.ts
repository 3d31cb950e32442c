import { SCOPED_ROLES, type RoleGrant, type RoleName } from '@citycare/contract';

/**
 * Pure role rules: how grants are keyed, and whether a set of grants allows something.
 * No I/O here.
 */

/** The stable key of a grant: `official`, `worker:zq-jianshe`. Two equal grants share a key. */
export function roleKey(grant: RoleGrant): string {
  return grant.scope ? `${grant.role}:${grant.scope}` : grant.role;
}

export function parseRoleKey(key: string): RoleGrant {
  const [role, scope] = key.split(':', 2) as [RoleName, string | undefined];
  return scope ? { role, scope } : { role };
}

export function isScopedRole(role: RoleName): boolean {
  return (SCOPED_ROLES as readonly string[]).includes(role);
}

/** Sorted, de-duplicated, `resident` always first: the order the UI shows. */
export function normaliseRoles(grants: RoleGrant[]): RoleGrant[] {
  const byKey = new Map(grants.map((g) => [roleKey(g), g]));
  byKey.set('resident', { role: 'resident' });
  return [...byKey.entries()]
    .sort(([a], [b]) => (a === 'resident' ? -1 : b === 'resident' ? 1 : a.localeCompare(b)))
    .map(([, g]) => g);
}

/** Holds `role` at all (any scope). */
export function hasRole(grants: RoleGrant[], role: RoleName): boolean {
  return grants.some((g) => g.role === role);
}

/** Holds `role` for exactly `scope`. */
export function hasScope(grants: RoleGrant[], role: RoleName, scope: string): boolean {
  return grants.some((g) => g.role === role && g.scope === scope);
}

/** The scopes in which `role` is held. */
export function scopesOf(grants: RoleGrant[], role: RoleName): string[] {
  return grants.filter((g) => g.role === role && g.scope).map((g) => g.scope as string);
}

/** Whether any of `allowed` is held. An empty list means any signed-in user. */
export function allows(grants: RoleGrant[], allowed: readonly RoleName[]): boolean {
  return allowed.length === 0 || allowed.some((r) => hasRole(grants, r));
}

export type RoleChangeRefusal = 'resident-is-permanent' | 'own-admin' | null;

/** Why an admin may not make this change, or null when they may. */
export function refuseRoleChange(
  kind: 'grant' | 'revoke',
  actorId: string,
  targetId: string,
  grant: RoleGrant,
): RoleChangeRefusal {
  if (kind === 'revoke' && grant.role === 'resident') return 'resident-is-permanent';
  if (kind === 'revoke' && grant.role === 'admin' && actorId === targetId) return 'own-admin';
  return null;
}
