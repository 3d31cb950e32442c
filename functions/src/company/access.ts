import type { RoleGrant } from '@citycare/contract';
import { hasRole, scopesOf } from '../auth/rules';
import type { Caller } from '../auth/caller';
import { forbidden, notFound } from '../lib/errors';
import type { CompanyItem } from './items';

/**
 * Who may see a company: its representative (the account that registered it), and the
 * reviewing officials of its district (`resumption:<district>`). Anyone else: 403, and the same
 * 403 whether or not the company exists, so ids cannot be probed.
 */
export const reviewDistricts = (roles: RoleGrant[]) => scopesOf(roles, 'resumption');

export const isOwner = (caller: Caller, c: CompanyItem) =>
  hasRole(caller.roles, 'company') && c.ownerId === caller.userId;

export const isReviewer = (caller: Caller, c: CompanyItem) => reviewDistricts(caller.roles).includes(c.district);

const NOT_YOURS = '只能查看本企业（或本区县）的复工登记';

export function readable(caller: Caller, c: CompanyItem | undefined): CompanyItem {
  if (!c || !(isOwner(caller, c) || isReviewer(caller, c))) throw forbidden(NOT_YOURS);
  return c;
}

export function ownCompany(caller: Caller, c: CompanyItem | undefined): CompanyItem {
  if (!c || !isOwner(caller, c)) throw forbidden(NOT_YOURS);
  return c;
}

export function reviewable(caller: Caller, c: CompanyItem | undefined): CompanyItem {
  if (!c) throw notFound('找不到该企业');
  if (!isReviewer(caller, c)) throw forbidden('只能审核本区县的企业');
  return c;
}
