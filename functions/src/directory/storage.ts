import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DirectoryEntry, DirectoryKind } from '@citycare/contract';
import { directoryKey } from '../auth/keys';
import { db, queryAll } from '../lib/dynamo';
import { directoryTable } from '../lib/env';

/** The only code that reads the directory of communities, stores, places and companies. */

/** Every entry of a kind, without its keys. */
export async function entries(kind: DirectoryKind): Promise<DirectoryEntry[]> {
  const items = await queryAll({
    TableName: directoryTable(),
    KeyConditionExpression: 'pk = :k',
    ExpressionAttributeValues: { ':k': kind },
  });
  return items.map(({ pk: _pk, sk: _sk, ...rest }) => rest as DirectoryEntry);
}

/** One entry, or undefined. */
export async function getEntry(kind: DirectoryKind, id: string): Promise<Record<string, unknown> | undefined> {
  const out = await db().send(new GetCommand({ TableName: directoryTable(), Key: directoryKey(kind, id) }));
  return out.Item;
}

export interface Place {
  id: string;
  name: string;
  kind: string;
  /** The community it is in (a company gate has its district instead). */
  community?: string;
  district?: string;
}

/** A place from its directory entry. */
function placeOf(id: string, item: Record<string, unknown>): Place {
  const place: Place = { id, name: String(item.name), kind: String(item.kind) };
  if (typeof item.community === 'string') place.community = item.community;
  if (typeof item.district === 'string') place.district = item.district;
  return place;
}

/** Every place of the directory (the officials' poster picker). */
export async function allPlaces(): Promise<Place[]> {
  return (await entries('place')).map((e) => placeOf(e.id, e));
}

const PLACE_CACHE_MS = 5 * 60 * 1000;
const placeCache = new Map<string, { place: Place | undefined; until: number }>();

/** A place (checkpoint, station, shop, vehicle); cached for a few minutes per container (places rarely change). */
export async function getPlace(placeId: string): Promise<Place | undefined> {
  const hit = placeCache.get(placeId);
  if (hit && hit.until > Date.now()) return hit.place;
  const item = await getEntry('place', placeId);
  const place = item ? placeOf(placeId, item) : undefined;
  placeCache.set(placeId, { place, until: Date.now() + PLACE_CACHE_MS });
  return place;
}
