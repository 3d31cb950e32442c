import { mutate } from 'swr';

/**
 * Forgets every answer the data-fetching hooks keep (SWR's cache, see hooks/useApi.ts). Here,
 * beside the session, so that signing out or in as someone else forgets them: the next user on
 * this phone must not see the last one's data, not even for a moment.
 */
export function forgetAnswers(): void {
  void mutate(() => true, undefined, { revalidate: false });
}
