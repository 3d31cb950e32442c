import type { RoleGrant } from '@citycare/contract';
import { hasRole, scopesOf } from '../../auth/rules';

/**
 * Whose place posters a user may print. Pure. Officials: every place of the directory; checkpoint
 * and venue staff: the places of their grants. (A company's gate poster comes from the company
 * domain, for its representative.)
 */
export function printablePlaces<P extends { id: string }>(roles: RoleGrant[], all: P[]): P[] {
  if (hasRole(roles, 'official')) return all;
  const mine = new Set(scopesOf(roles, 'checkpoint'));
  return all.filter((p) => mine.has(p.id));
}
