import jwt from 'jsonwebtoken';
import type { SessionConfig } from './tokens';

/**
 * The personal code in 我的: a short-lived token naming its user, signed with the session secret
 * for an audience of its own (`<audience>/person`), so it is never a session and a session is
 * never one. An admin scans it to find the person; it carries no name, phone or role.
 */

const ALGORITHM = 'HS256' as const;
export const PERSON_CODE_TTL_SECONDS = 600;
const audienceOf = (config: SessionConfig) => `${config.audience}/person`;

export function signPersonCode(
  userId: string,
  secret: string,
  config: SessionConfig,
  now: Date = new Date(),
): { code: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + PERSON_CODE_TTL_SECONDS;
  const code = jwt.sign({ iat, exp }, secret, {
    algorithm: ALGORITHM,
    issuer: config.issuer,
    audience: audienceOf(config),
    subject: userId,
  });
  return { code, expiresAt: new Date(exp * 1000) };
}

/** The user a personal code names, or undefined when it is forged, expired or not a personal code. Never throws. */
export function verifyPersonCode(
  code: string,
  secret: string,
  config: SessionConfig,
  now: Date = new Date(),
): string | undefined {
  try {
    const claims = jwt.verify(code, secret, {
      algorithms: [ALGORITHM],
      issuer: config.issuer,
      audience: audienceOf(config),
      clockTimestamp: Math.floor(now.getTime() / 1000),
    });
    return typeof claims !== 'string' && typeof claims.sub === 'string' ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}
