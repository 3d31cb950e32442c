import jwt from 'jsonwebtoken';
import type { RoleGrant } from '@citycare/contract';
import { parseRoleKey, roleKey } from './rules';

/** Settings of session tokens; the secret itself comes from the secrets port. */
export interface SessionConfig {
  issuer: string;
  audience: string;
  ttlSeconds: number;
  keyId: string;
}

export interface Session {
  userId: string;
  roles: RoleGrant[];
  expiresAt: Date;
}

/** The only algorithm a session token may use. Pinned on both sides. */
const ALGORITHM = 'HS256' as const;

export function signSession(
  userId: string,
  roles: RoleGrant[],
  secret: string,
  config: SessionConfig,
  now: Date = new Date(),
): { token: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + config.ttlSeconds;
  const token = jwt.sign({ roles: roles.map(roleKey), iat, exp }, secret, {
    algorithm: ALGORITHM,
    keyid: config.keyId,
    issuer: config.issuer,
    audience: config.audience,
    subject: userId,
  });
  return { token, expiresAt: new Date(exp * 1000) };
}

export type TokenProblem = 'missing' | 'expired' | 'invalid';

/**
 * Verifies a session token: algorithm pinned (so `alg: none` and algorithm swaps fail),
 * signature, issuer, audience and expiry checked. Never throws.
 */
export function verifySession(
  token: string | undefined,
  secret: string,
  config: SessionConfig,
  now: Date = new Date(),
): { ok: true; session: Session } | { ok: false; problem: TokenProblem } {
  if (!token) return { ok: false, problem: 'missing' };
  try {
    const claims = jwt.verify(token, secret, {
      algorithms: [ALGORITHM],
      issuer: config.issuer,
      audience: config.audience,
      clockTimestamp: Math.floor(now.getTime() / 1000),
      complete: false,
    });
    if (typeof claims === 'string' || typeof claims.sub !== 'string' || !Array.isArray(claims.roles)) {
      return { ok: false, problem: 'invalid' };
    }
    const roles = (claims.roles as unknown[]).filter((r): r is string => typeof r === 'string').map(parseRoleKey);
    return { ok: true, session: { userId: claims.sub, roles, expiresAt: new Date((claims.exp ?? 0) * 1000) } };
  } catch (err) {
    return { ok: false, problem: (err as Error).name === 'TokenExpiredError' ? 'expired' : 'invalid' };
  }
}

/** `Bearer <token>` from an Authorization header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  return match?.[1];
}
