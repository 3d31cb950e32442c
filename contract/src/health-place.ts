import * as z from 'zod';
import type { RouteDef } from './route-def';

export * from './health-place-code';

/** A place as the poster and the visit show it. */
export const PlaceCodePlace = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  community: z.string().optional(),
  district: z.string().optional(),
});
export type PlaceCodePlace = z.infer<typeof PlaceCodePlace>;

/** The places whose poster the caller may print. */
export const PlaceCodesResponse = z.object({ places: z.array(PlaceCodePlace) });
export type PlaceCodesResponse = z.infer<typeof PlaceCodesResponse>;

/** A place's signed code, for its poster. */
export const PlaceCodeResponse = z.object({ place: PlaceCodePlace, token: z.string(), kid: z.string() });
export type PlaceCodeResponse = z.infer<typeof PlaceCodeResponse>;

export const healthPlaceRoutes = {
  /** Places the caller may print a poster for: a checkpoint's own place; every place for officials. */
  healthPlaceCodes: { method: 'GET', path: '/health/place-codes', auth: true, response: PlaceCodesResponse },
  /** One place's signed code (a new signature each time; every one verifies). */
  healthPlaceCode: {
    method: 'GET',
    path: '/health/place-codes/{placeId}',
    auth: true,
    response: PlaceCodeResponse,
  },
} as const satisfies Record<string, RouteDef>;
