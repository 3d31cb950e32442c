import { maskName, maskPhone } from '@citycare/contract';
import type { Address, Contact, Order, OrderLine, OrderStatus } from '@citycare/contract';

/** Pure: the stored order as each viewer may see it. */

export interface OrderItem {
  orderId: string;
  kind: 'single' | 'group';
  groupId?: string;
  userId: string;
  household: string;
  day: string;
  storeId: string;
  storeName: string;
  communityId: string;
  slotId: string;
  slotStartsAt: string;
  slotEndsAt: string;
  /** Booked from the places anyone may take (false: from the red/yellow share). */
  general: boolean;
  fulfilment: 'delivery' | 'pickup';
  contactless: boolean;
  priority: boolean;
  address: Address;
  contact: Contact;
  lines: (OrderLine & { dailyLimit?: number })[];
  totalFen: number;
  /** The store replaced or dropped lines (substitute/): the total as ordered (and, prepaid, as paid). */
  originalTotalFen?: number;
  /** How many changes the store made to the lines: each change is conditional on the count it read. */
  lineChanges?: number;
  /** Prepaid: the difference given back through WeChat Pay when the store marked it prepared. */
  differenceRefund?: { fen: number; state: 'refunding' | 'refunded' };
  paymentMethod: 'on-delivery' | 'prepaid';
  paymentState: 'pending' | 'paid' | 'cancelled' | 'refunding' | 'refunded';
  paymentId: string;
  /**
   * Pay on delivery: collected at the door by the community worker with the delivery
   * confirmation (delivery/storage.ts): how, the amount (the order's total), when and by whom.
   */
  collected?: 'cash' | 'scan';
  collectedFen?: number;
  collectedAt?: string;
  collectedBy?: string;
  /** A group order given up: its households' WeChat Pay refunds not yet confirmed (paying/share-hooks.ts). */
  refundsPending?: number;
  /** WeChat Pay's refund needs a person (the payments refundFailed hook). */
  refundProblem?: string;
  status: OrderStatus;
  timeline: { status: OrderStatus; at: string; note?: string }[];
  /** When the store last made it ready or a worker sent it out; no delivery is confirmed before it. */
  readyAt?: string;
  pickupCode: string;
  /** Wrong pickup codes entered so far, and when the last one was (delivery/rules.ts codeLockMinutes). */
  codeFails?: number;
  lastCodeFailAt?: string;
  rejectReason?: string;
  breakdown?: Order['breakdown'];
  /** Its scarce lines were counted per user too (keys.userLimitSubject); absent on older orders. */
  userCounted?: boolean;
  createdAt: string;
}

/** A group order's refunds are done when the last household's REFUND.SUCCESS has come. */
export function paymentStateOf(item: Pick<OrderItem, 'kind' | 'paymentState' | 'refundsPending'>) {
  const allBack = item.kind === 'group' && item.paymentState === 'refunding' && item.refundsPending === 0;
  return allBack ? 'refunded' : item.paymentState;
}

/** `owner`: the resident who ordered (and, for a group order, the worker who ran it). */
export type Viewer = 'owner' | 'staff';

export function orderView(item: OrderItem, viewer: Viewer): Order {
  const owner = viewer === 'owner';
  return {
    orderId: item.orderId,
    kind: item.kind,
    ...(item.groupId ? { groupId: item.groupId } : {}),
    storeId: item.storeId,
    storeName: item.storeName,
    communityId: item.communityId,
    slot: { slotId: item.slotId, startsAt: item.slotStartsAt, endsAt: item.slotEndsAt },
    fulfilment: item.fulfilment,
    contactless: item.contactless,
    priority: item.priority,
    address: item.address,
    contact: owner ? item.contact : { name: maskName(item.contact.name), phone: maskPhone(item.contact.phone) },
    lines: item.lines.map(({ dailyLimit: _limit, ...line }) => line),
    totalFen: item.totalFen,
    ...(item.originalTotalFen !== undefined ? { originalTotalFen: item.originalTotalFen } : {}),
    ...(item.differenceRefund ? { differenceRefund: item.differenceRefund } : {}),
    payment: {
      method: item.paymentMethod,
      state: paymentStateOf(item),
      paymentId: item.paymentId,
      ...(item.collected ? { collected: item.collected } : {}),
      ...(item.refundProblem && !owner ? { refundProblem: item.refundProblem } : {}),
    },
    status: item.status,
    timeline: item.timeline,
    ...(owner ? { pickupCode: item.pickupCode } : {}),
    ...(item.rejectReason ? { rejectReason: item.rejectReason } : {}),
    ...(item.breakdown
      ? {
          breakdown: item.breakdown.map((s) => ({
            ...s,
            contactName: owner ? s.contactName : maskName(s.contactName),
          })),
        }
      : {}),
    createdAt: item.createdAt,
  };
}
