import { hasRole } from '../auth/rules';
import { getUser } from '../auth/storage';
import { allPlaces, getPlace, type Place } from '../directory/storage';

/**
 * What the health domain takes from outside, behind small ports: the clock, the users service
 * (is this caller an official now?) and the directory (places). Handlers use these, never
 * another domain's storage.
 */
export interface Clock {
  now(): Date;
}

export interface UsersPort {
  /** Whether the user holds the official role now (read afresh, not from the session token). */
  isOfficial(userId: string): Promise<boolean>;
  /** The name a user is shown under (officials in the audit log). */
  displayName(userId: string): Promise<string | undefined>;
}

export interface PlacesPort {
  get(placeId: string): Promise<Place | undefined>;
  all(): Promise<Place[]>;
}

export const clock: Clock = { now: () => new Date() };

export const users: UsersPort = {
  isOfficial: async (userId) => {
    const user = await getUser(userId);
    return !!user && hasRole(user.roles, 'official');
  },
  displayName: async (userId) => (await getUser(userId))?.displayName,
};

export const places: PlacesPort = { get: getPlace, all: allPlaces };

export type { Place };
