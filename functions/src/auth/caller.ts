import type { RoleGrant } from '@citycare/contract';
import { sessionConfig, sessionSecret } from './config';
import { bearerToken, verifySession } from './tokens';
import { getUser } from './store';

export interface Caller {
  userId: string;
  roles: RoleGrant[];
}

/**
 * Who is calling, from the Authorization header; undefined when the token is missing,
 * expired, tampered with or of the wrong algorithm. With `fresh`, roles are re-read from the
 * database, so a revoked staff role stops working at once rather than when the token expires.
 */
export async function authenticate(header: string | undefined, fresh: boolean): Promise<Caller | undefined> {
  const result = verifySession(bearerToken(header), await sessionSecret(), sessionConfig());
  if (!result.ok) return undefined;
  const { userId, roles } = result.session;
  if (!fresh) return { userId, roles };
  const user = await getUser(userId);
  return user ? { userId, roles: user.roles } : undefined;
}
