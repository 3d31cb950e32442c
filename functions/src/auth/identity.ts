import { createHash } from 'node:crypto';

/**
 * A user's id, derived from the super-app's openid: stable, so login is a single read, and
 * opaque, so the openid does not travel in tokens, QR codes or URLs.
 */
export function userIdForOpenid(openid: string): string {
  return 'u' + createHash('sha256').update(`citycare:${openid}`).digest('hex').slice(0, 23);
}

/** The name a new user is shown under until they set one. */
export function defaultDisplayName(userId: string): string {
  return `微信用户${userId.slice(-4).toUpperCase()}`;
}
