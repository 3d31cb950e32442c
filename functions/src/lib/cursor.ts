import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { sessionSecret } from '../auth/config';
import { badRequest } from './errors';

/**
 * Opaque page cursors: a query's position (DynamoDB's LastEvaluatedKey) sealed with AES-256-GCM
 * under a key derived from the session secret, bound to a scope (the queue it pages). The client
 * can neither read nor change one, nor replay one sealed for another queue: anything but an
 * untouched cursor of this scope is a 400. Callers still check the position's partition.
 */

const IV = 12;
const TAG = 16;
const MAX_LENGTH = 2048;

let derived: { secret: string; key: Buffer } | undefined;
async function cursorKey(): Promise<Buffer> {
  const secret = await sessionSecret();
  if (derived?.secret !== secret) {
    derived = { secret, key: createHmac('sha256', secret).update('citycare/page-cursor/v1').digest() };
  }
  return derived.key;
}

export async function sealCursor(scope: string, position: Record<string, unknown>): Promise<string> {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', await cursorKey(), iv);
  cipher.setAAD(Buffer.from(scope));
  const body = Buffer.concat([cipher.update(JSON.stringify(position), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

const BAD_CURSOR = '翻页参数无效，请从第一页重新加载';

/** The position sealed in `cursor` for `scope`, or 400 BAD_REQUEST. */
export async function openCursor(scope: string, cursor: string): Promise<Record<string, unknown>> {
  if (cursor.length > MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw badRequest(BAD_CURSOR);
  const raw = Buffer.from(cursor, 'base64url');
  if (raw.length <= IV + TAG) throw badRequest(BAD_CURSOR);
  try {
    const decipher = createDecipheriv('aes-256-gcm', await cursorKey(), raw.subarray(0, IV));
    decipher.setAAD(Buffer.from(scope));
    decipher.setAuthTag(raw.subarray(IV, IV + TAG));
    const text = Buffer.concat([decipher.update(raw.subarray(IV + TAG)), decipher.final()]).toString('utf8');
    const position: unknown = JSON.parse(text);
    if (!position || typeof position !== 'object' || Array.isArray(position)) throw new Error('not an object');
    return position as Record<string, unknown>;
  } catch {
    throw badRequest(BAD_CURSOR);
  }
}
