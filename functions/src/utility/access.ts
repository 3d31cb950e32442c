import type { RoleGrant } from '@citycare/contract';
import { hasScope } from '../auth/rules';
import { forbidden } from '../lib/errors';

/** Who may act for whom: staff for the company in the path, workers for the community in the path. */

/** The company in the path, which the caller must serve (utility staff). */
export function requireCompany(roles: RoleGrant[], company: string | undefined): string {
  if (!company || !hasScope(roles, 'utility', company)) throw forbidden('您不是这家公司的工作人员');
  return company;
}

/** The community in the path, which the caller must work for (community workers). */
export function requireCommunity(roles: RoleGrant[], community: string | undefined): string {
  if (!community || !hasScope(roles, 'worker', community)) throw forbidden('您不是这个社区的工作人员');
  return community;
}
