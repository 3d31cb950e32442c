import { maskName, maskPhone, type RegulatorComplaint } from '@citycare/contract';
import type { OrderItem } from '../views';

/** Pure: a complaint as stored, and as the market regulator sees it. */

export interface ComplaintItem {
  complaintId: string;
  orderId: string;
  storeId: string;
  userId: string;
  kind: 'price' | 'quality';
  text: string;
  createdAt: string;
  handled?: { at: string; note: string; by: string };
}

/** A complaint as the market regulator sees it: its order's store and state, the contact masked. */
export function regulatorView(c: Omit<ComplaintItem, 'userId'>, order: OrderItem): RegulatorComplaint {
  return {
    complaintId: c.complaintId,
    orderId: c.orderId,
    storeId: c.storeId,
    storeName: order.storeName,
    kind: c.kind,
    text: c.text,
    createdAt: c.createdAt,
    orderStatus: order.status,
    contact: { name: maskName(order.contact.name), phone: maskPhone(order.contact.phone) },
    ...(c.handled ? { handled: c.handled } : {}),
  };
}
