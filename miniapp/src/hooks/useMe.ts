import type { UserProfile } from '@citycare/contract';
import { api, getSession, saveUser } from '@/api';
import { useRequest, type RequestState } from './useRequest';

async function loadMe(): Promise<UserProfile> {
  const { user } = await api('me', { quiet: true });
  saveUser(user);
  return user;
}

/**
 * The signed-in user from GET /me. Starts from the stored profile (so a page shows the name at
 * once) and refreshes it. Errors are shown inline by the page, not toasted.
 */
export function useMe(): RequestState<UserProfile> {
  return useRequest(loadMe, getSession()?.user);
}
