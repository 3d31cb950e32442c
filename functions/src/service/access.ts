import { serviceCategoriesOf, type RoleGrant, type ServiceCategory } from '@citycare/contract';
import { forbidden } from '../lib/errors';

/** Which categories a member of the service centre works (contract: `serviceCategoriesOf`). */
export const serviceCategories = (roles: readonly RoleGrant[]): ServiceCategory[] => serviceCategoriesOf(roles);

/** The category's queue, which the caller must work (403 otherwise). */
export function requireCategory(roles: readonly RoleGrant[], category: ServiceCategory): ServiceCategory[] {
  const mine = serviceCategories(roles);
  if (!mine.includes(category)) throw forbidden('您不负责这一类咨询');
  return mine;
}
