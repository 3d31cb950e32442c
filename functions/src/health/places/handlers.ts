import type { PlaceCodePlace } from '@citycare/contract';
import { forbidden, notFound } from '../../lib/errors';
import { endpoint } from '../../lib/http';
import { signPlaceToken } from '../place-token';
import { healthKeys } from '../tokens';
import { clock, places, type Place } from '../wiring';
import { printablePlaces } from './rules';

/** Place posters: the signed code of a place its staff (or an official) prints. */

const view = ({ id, name, kind, community, district }: Place): PlaceCodePlace => ({
  id,
  name,
  kind,
  ...(community ? { community } : {}),
  ...(district ? { district } : {}),
});

/** GET /health/place-codes (healthPlaceCodes): the places whose poster the caller may print. */
export const placeCodes = endpoint('healthPlaceCodes', { roles: ['checkpoint', 'official'] }, async ({ caller }) => {
  const all = (await places.all()).filter((p) => p.kind !== 'company');
  return { places: printablePlaces(caller.roles, all).map(view) };
});

/** GET /health/place-codes/{placeId} (healthPlaceCode): a place's signed code for its poster. */
export const placeCode = endpoint(
  'healthPlaceCode',
  { roles: ['checkpoint', 'official'] },
  async ({ params, caller }) => {
    if (printablePlaces(caller.roles, [{ id: params.placeId }]).length === 0) {
      throw forbidden('只能打印本卡点（场所）的场所码');
    }
    const place = await places.get(params.placeId);
    if (!place || place.kind === 'company') throw notFound('找不到该场所');
    const signed = signPlaceToken(await healthKeys(), place, clock.now());
    return { place: view(place), ...signed };
  },
);
