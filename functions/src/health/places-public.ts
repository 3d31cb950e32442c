import { getPlace } from '../directory/storage';
import { signPlaceToken, type PlaceToSign } from './place-token';
import { recordsAtPlace } from './scans/storage';
import { healthKeys } from './tokens';

/**
 * What other domains may ask the health-code service about places (the company domain, for its
 * gate): a place's signed code, and the times and colours of what was recorded there, nothing
 * else (no names, no codes). A function calling this needs `TABLE_HEALTH_SCANS` in its
 * environment, dynamodb:Query on the scans table and the `health-code-keys` secret.
 */

export async function placeCode(place: PlaceToSign, now: Date) {
  return signPlaceToken(await healthKeys(), place, now);
}

/** Scans and visits at a place from `from` to `now`: time and colour only. */
export async function placeColours(placeId: string, from: Date, now: Date): Promise<{ at: string; colour?: string }[]> {
  const rows = await recordsAtPlace(placeId, from.toISOString(), now.toISOString(), now.toISOString());
  return rows.filter((r) => r.kind === 'scan' || r.kind === 'visit').map((r) => ({ at: r.at, colour: r.colour }));
}

export { getPlace };
