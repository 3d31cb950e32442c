import { createHmac } from 'node:crypto';
import { getSecret } from '../lib/secrets';

/**
 * The person finder's key: an HMAC of a registered full name and the phone's last four digits,
 * under the ID-number pepper (a label of its own), so the users table never holds a name with
 * phone digits in clear. A name and four digits are guessable: the search is admins only and
 * rate-limited (admin/people.ts).
 */

/** `刘 德福` and `刘德福` are the same name; full-width letters fold to ASCII. */
export const normaliseName = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

/** Pure: the finder hash of a name and four digits under `pepper` (seed and tests use it too). */
export function finderHash(pepper: string, name: string, phoneTail: string): string {
  return createHmac('sha256', pepper)
    .update(`person-finder:${normaliseName(name)}|${phoneTail}`)
    .digest('base64url');
}

/** The finder hash under this stage's pepper. */
export async function personFinder(name: string, phoneTail: string): Promise<string> {
  return finderHash(await getSecret('health-id-pepper'), name, phoneTail);
}

/** The users-table row listing the users registered under one finder hash. */
export const finderKey = (hash: string) => ({ pk: `FIND#${hash}` });
