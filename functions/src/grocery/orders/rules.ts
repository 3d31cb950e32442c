import type { Address, OrderLine, OrderStatus, PickListResponse } from '@citycare/contract';
import type { Refused } from '../refusals';
import {
  isLive,
  naturalCompare,
  notNowMessage,
  priorityFirst,
  totalsPerItem,
  TRANSITIONS,
  type Action,
} from '../rules';

/** Pure rules of an order after checkout: who steps it on, paying for it, and a slot's pick list. */

/** The field an action's scope is checked against: the store's id, or the community's. */
export const scopeField = (action: Action) => (TRANSITIONS[action].by === 'worker' ? 'communityId' : 'storeId');

/** Why a step (accept, prepare, dispatch) did not apply, read off the order as it is now. */
export function whyNoStep(
  order: { status: OrderStatus; storeId: string; communityId: string } | undefined,
  action: Action,
  scopes: string[],
): Refused {
  if (!order) return { code: 'NOT_FOUND', message: '没有这笔订单' };
  if (!scopes.includes(order[scopeField(action)])) return { code: 'FORBIDDEN', message: '这不是您负责的订单' };
  return { code: 'CONFLICT', message: notNowMessage(order.status, action) };
}

/** An order is paid once, and not after it was cancelled or rejected (the payment's condition says the same). */
export function refusePay(order: {
  status: OrderStatus;
  paymentState: string;
  paymentMethod?: 'on-delivery' | 'prepaid';
}): Refused | null {
  if (!isLive(order.status)) return { code: 'CONFLICT', message: '订单已取消，无需付款' };
  if (order.paymentMethod === 'on-delivery' && order.paymentState === 'pending')
    return { code: 'CONFLICT', message: '货到付款：请在收货时向社区工作人员付款' };
  if (order.paymentState !== 'pending') return { code: 'CONFLICT', message: '这笔订单已经付过款了' };
  return null;
}

export interface PickOrder {
  orderId: string;
  communityId: string;
  address: Address;
  contactName: string;
  contactless: boolean;
  priority: boolean;
  status: OrderStatus;
  lines: (Pick<OrderLine, 'itemId' | 'name' | 'unit' | 'qty'> & { dropped?: boolean })[];
}

function groupBy<T>(xs: T[], key: (x: T) => string): [string, T[]][] {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    out.set(k, [...(out.get(k) ?? []), x]);
  }
  return [...out.entries()].sort(([a], [b]) => naturalCompare(a, b));
}

/**
 * The pick list of a slot: totals per item (dropped lines not counted), the 隔离户优先 orders to
 * pick first, and orders by community, building and unit (priority ones first within a unit).
 */
export function pickList(
  orders: PickOrder[],
): Pick<PickListResponse, 'orderCount' | 'totals' | 'priorityOrderIds' | 'communities'> {
  const live = orders.filter((o) => isLive(o.status));
  const picked = (o: PickOrder) => o.lines.filter((l) => !l.dropped);
  return {
    orderCount: live.length,
    totals: totalsPerItem(live.flatMap(picked)),
    priorityOrderIds: live.filter((o) => o.priority).map((o) => o.orderId),
    communities: groupBy(live, (o) => o.communityId).map(([communityId, inCommunity]) => ({
      communityId,
      buildings: groupBy(inCommunity, (o) => o.address.building).map(([building, inBuilding]) => ({
        building,
        units: groupBy(inBuilding, (o) => o.address.unit).map(([unit, inUnit]) => ({
          unit,
          orders: priorityFirst([...inUnit].sort((a, b) => naturalCompare(a.address.room, b.address.room))).map(
            (o) => ({
              orderId: o.orderId,
              room: o.address.room,
              contactName: o.contactName,
              contactless: o.contactless,
              priority: o.priority,
              status: o.status,
              lines: picked(o).map((l) => ({ name: l.name, unit: l.unit, qty: l.qty })),
            }),
          ),
        })),
      })),
    })),
  };
}
