import type { RoleGrant } from '@citycare/contract';
import { sessionConfig, sessionSecret } from './config';
import { bearerToken, verifySession } from './tokens';
import { getUser } from './storage';

export interface Caller {
  userId: string;
  roles: RoleGrant[];
}

/**
 * Who is calling, from the Authorization header; undefined when the token is missing,
 * expired, tampered with or of the wrong algorithm.
 *
 * Roles are re-read from the database whenever they could matter: with `fresh` (the endpoint
 * is for staff roles), and whenever the token carries any role beyond `resident`, because then
 * any handler may consult a staff scope of the caller (a group's households, a store's orders).
 * So a revoked staff role stops working at once on every route, not when the token expires;
 * a resident-only token (the busy path) costs no read.
 */
export async function authenticate(header: string | undefined, fresh: boolean): Promise<Caller | undefined> {
  const result = verifySession(bearerToken(header), await sessionSecret(), sessionConfig());
  if (!result.ok) return undefined;
  const { userId, roles } = result.session;
  if (!fresh && roles.every((r) => r.role === 'resident')) return { userId, roles };
  const user = await getUser(userId);
  return user ? { userId, roles: user.roles } : undefined;
}
