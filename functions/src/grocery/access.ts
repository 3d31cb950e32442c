import type { RoleGrant } from '@citycare/contract';
import { hasRole, hasScope, scopesOf } from '../auth/rules';
import type { Caller } from '../auth/caller';
import { forbidden } from '../lib/errors';
import { users } from './wiring';
import { existingOrder } from './storage';
import type { OrderItem, Viewer } from './views';

/**
 * Who may see and do what: residents their own orders, store operators their store's, community
 * workers their community's, the market regulator every order a complaint may concern.
 */
export function orderViewer(
  roles: RoleGrant[],
  userId: string,
  order: { userId: string; storeId: string; communityId: string },
): Viewer | null {
  if (order.userId === userId) return 'owner';
  if (hasScope(roles, 'store', order.storeId) || hasScope(roles, 'worker', order.communityId)) return 'staff';
  if (hasRole(roles, 'regulator')) return 'staff';
  return null;
}

/** The caller's roles as they are now (a staff role revoked a minute ago no longer counts). */
export function freshRoles(caller: Caller): Promise<RoleGrant[]> {
  return users.rolesOf(caller.userId);
}

export function requireStore(caller: Caller, storeId: string): void {
  if (!hasScope(caller.roles, 'store', storeId)) throw forbidden('您不是这家商户的工作人员');
}

export function requireWorker(caller: Caller, communityId: string): void {
  if (!hasScope(caller.roles, 'worker', communityId)) throw forbidden('您不是这个社区的工作人员');
}

/** True when the caller is a community worker of `communityId`. */
export const isWorkerOf = (caller: Caller, communityId: string) => hasScope(caller.roles, 'worker', communityId);

/** The stores (`store`) or communities (`worker`) the caller works for. */
export const scopesOfCaller = (caller: Caller, role: 'store' | 'worker') => scopesOf(caller.roles, role);

/** The caller's own single order (not a group's), or 403/404. */
export async function ownSingleOrder(orderId: string, userId: string): Promise<OrderItem> {
  const found = await existingOrder(orderId);
  if (found.userId !== userId || found.kind !== 'single') throw forbidden('这不是您的订单');
  return found;
}
