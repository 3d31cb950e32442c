import { getUser } from '../auth/storage';

/** What privacy takes from outside: the clock and officials' names (tests swap them). */
export const clock = { now: () => new Date() };

export const users = {
  displayName: async (userId: string) => (await getUser(userId))?.displayName,
};
