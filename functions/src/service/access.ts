import { SERVICE_CATEGORIES, type RoleGrant, type ServiceCategory } from '@citycare/contract';
import { forbidden } from '../lib/errors';

/**
 * Which categories a member of the service centre works: every one with an unscoped grant
 * (`service`), else those granted (`service:health-code`). Pure.
 */
export function serviceCategories(roles: readonly RoleGrant[]): ServiceCategory[] {
  const grants = roles.filter((g) => g.role === 'service');
  if (grants.some((g) => !g.scope)) return [...SERVICE_CATEGORIES];
  return SERVICE_CATEGORIES.filter((c) => grants.some((g) => g.scope === c));
}

/** The category's queue, which the caller must work (403 otherwise). */
export function requireCategory(roles: readonly RoleGrant[], category: ServiceCategory): ServiceCategory[] {
  const mine = serviceCategories(roles);
  if (!mine.includes(category)) throw forbidden('您不负责这一类咨询');
  return mine;
}
