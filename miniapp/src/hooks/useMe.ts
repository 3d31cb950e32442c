import type { UserProfile } from '@citycare/contract';
import { api, getSession, saveUser } from '@/api';
import { useKeyed, type RequestState } from './useApi';

async function loadMe(): Promise<UserProfile> {
  const { user } = await api('me', { quiet: true });
  saveUser(user);
  return user;
}

/**
 * The signed-in user from GET /me; errors are shown inline by the page, not toasted.
 * `cached`: start from the profile stored at login (the home page's greeting shows at once) and
 * refresh it. Pages that act on roles leave it off and wait for the server's answer.
 */
export function useMe({ cached = false }: { cached?: boolean } = {}): RequestState<UserProfile> {
  return useKeyed(['me', null, 'user'], loadMe, cached ? getSession()?.user : undefined);
}
