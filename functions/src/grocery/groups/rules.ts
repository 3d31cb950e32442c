import { cityDate, type OrderLine, type StoreSummary } from '@citycare/contract';
import { refuseStore } from '../catalogue/rules';
import { deliveryTerms, orderTotal } from '../checkout/rules';
import type { Refused } from '../refusals';
import { naturalCompare, type HouseholdColour } from '../rules';
import type { OrderItem } from '../views';

/**
 * Pure rules of group orders (卡点购物车): who may join, when a group takes members, and how
 * the households' shares become one order. No I/O here.
 */

/**
 * A group order is picked up at the village checkpoint: red and yellow households may not join
 * one; they order alone, delivered contactless.
 */
export function mayJoinGroup(colour: HouseholdColour): boolean {
  return !('refusal' in deliveryTerms(colour, 'pickup', true));
}

export const MAY_NOT_JOIN_MESSAGE =
  '您家正在居家观察，不能参加卡点团购（需到卡点取货）。请单独下单，送货上门、无接触交接';

/** A group past its cutoff that has not been closed yet is `closing`: it closes by itself shortly. */
export function groupStatus<S extends string>(status: S, cutoffAt: string, now: Date): S | 'closing' {
  return status === 'open' && Date.parse(cutoffAt) <= now.getTime() ? 'closing' : status;
}

/** A worker opens a group for a store that serves the community, closing before the slot's own cutoff. */
export function openTerms(
  store: StoreSummary | undefined,
  slot: { cutoffAt: string } | undefined,
  body: { communityId: string; cutoffAt: string },
  now: Date,
): { store: StoreSummary } | Refused {
  const storeRefusal = refuseStore(store, body.communityId);
  if (storeRefusal || !store) return storeRefusal ?? { code: 'NOT_FOUND', message: '没有这家商户' };
  if (!slot) return { code: 'NOT_FOUND', message: '没有这个配送时段' };
  const cutoff = Date.parse(body.cutoffAt);
  if (cutoff <= now.getTime()) return { code: 'UNPROCESSABLE', message: '团购截止时间必须晚于现在' };
  if (cutoff > Date.parse(slot.cutoffAt)) {
    return { code: 'UNPROCESSABLE', message: '团购截止时间不能晚于所选配送时段的截单时间' };
  }
  return { store };
}

const GROUP_CLOSED_MESSAGE = '这个团购已经截单，不能再加入';

/** Households join while the group is open and before its cutoff (the join's condition says the same). */
export function refuseJoin(group: { status: string; cutoffAt: string }, now: Date): Refused | null {
  if (group.status !== 'open' || Date.parse(group.cutoffAt) <= now.getTime()) {
    return { code: 'UNPROCESSABLE', message: GROUP_CLOSED_MESSAGE };
  }
  return null;
}

/**
 * A household pays its own share while it is still to be paid: not once paid (or its payment is
 * being confirmed), not after it lapsed unpaid or its group order was given up.
 */
export function refusePayShare(share: { paid: boolean; released?: boolean; paymentState?: string }): Refused | null {
  if (share.paid) return { code: 'CONFLICT', message: '这份已经付过款了' };
  if (share.released) return { code: 'CONFLICT', message: '这份团购已取消（未按时付款或订单已取消），无需付款' };
  if (share.paymentState !== undefined && share.paymentState !== 'pending') {
    return { code: 'CONFLICT', message: '这份团购已经不需要付款了' };
  }
  return null;
}

/** The shares still in a group: not dropped for want of payment, not given back. */
export const liveShares = <S extends { released?: boolean }>(shares: S[]): S[] => shares.filter((s) => !s.released);

/**
 * The one order a group becomes at its cutoff has an id made from the group's, so a household's
 * refund (paying/share-hooks.ts) finds it without a read.
 */
export const groupOrderId = (groupId: string) => `o${groupId.slice(1)}`;

export interface Share {
  memberId: string;
  household: string;
  contactName: string;
  lines: OrderLine[];
  totalFen: number;
  paid: boolean;
  /** Dropped unpaid (its payment lapsed, or the group closed first), or its group order given up. */
  released?: boolean;
  /** Its WeChat Pay payment: pending → paid (→ refunding → refunded), or cancelled. */
  paymentState?: 'pending' | 'paid' | 'cancelled' | 'refunding' | 'refunded';
}

/** A group order as stored. */
export interface GroupItem {
  groupId: string;
  storeId: string;
  storeName: string;
  communityId: string;
  slotId: string;
  label: string;
  cutoffAt: string;
  status: 'open' | 'closed' | 'cancelled';
  memberCount: number;
  totalFen: number;
  createdBy: string;
  contact: { name: string; phone: string };
  orderId?: string;
  /** The group holds its order's slot place from the moment it opens (absent: groups opened before). */
  slotBooked?: boolean;
  createdAt: string;
}

export interface ShareItem extends Share {
  groupId: string;
  userId: string;
  paymentId: string;
  lines: (OrderLine & { dailyLimit?: number })[];
  /** The household and day its scarce-item counters were taken under (address.householdKey). */
  householdKey?: string;
  day?: string;
  /** Its scarce lines were counted per user too (keys.userLimitSubject); absent on older shares. */
  userCounted?: boolean;
  createdAt: string;
}

/** A group order's lines: every household's lines summed per item, priced as they were bought. */
export function consolidate(shares: Share[]): OrderLine[] {
  const byItem = new Map<string, OrderLine>();
  for (const share of shares) {
    for (const l of share.lines) {
      const key = `${l.itemId}@${l.priceFen}`;
      const t = byItem.get(key);
      if (t) {
        t.qty += l.qty;
        t.lineFen += l.lineFen;
      } else byItem.set(key, { ...l, substitution: l.substitution });
    }
  }
  return [...byItem.values()];
}

/** Shares sorted for handing out: by building, unit and room label. */
export function breakdown(shares: Share[]): Share[] {
  return [...shares].sort((a, b) => naturalCompare(a.household, b.household));
}

/**
 * At the cutoff the group becomes one order to the store: consolidated lines (without the
 * household limits, which stay with the shares), a per-household breakdown, picked up at the
 * checkpoint. Its shares are the paid ones (an unpaid share is dropped at 截单), so it is paid;
 * it is its households' refunds in flight that it waits for once given up (`refundsPending`).
 */
export function groupOrder(
  group: GroupItem,
  shares: ShareItem[],
  slot: { startsAt: string; endsAt: string },
  ids: { pickupCode: string },
  now: Date,
): OrderItem {
  const lines = consolidate(shares).map(({ ...l }) => {
    delete (l as { dailyLimit?: number }).dailyLimit;
    return l;
  });
  return {
    orderId: groupOrderId(group.groupId),
    kind: 'group',
    groupId: group.groupId,
    userId: group.createdBy,
    household: `group/${group.groupId}`,
    day: cityDate(now),
    storeId: group.storeId,
    storeName: group.storeName,
    communityId: group.communityId,
    slotId: group.slotId,
    slotStartsAt: slot.startsAt,
    slotEndsAt: slot.endsAt,
    general: true,
    fulfilment: 'pickup',
    contactless: true,
    priority: false,
    address: { building: group.label, unit: '团购', room: '卡点' },
    contact: group.contact,
    lines,
    totalFen: orderTotal(lines),
    paymentMethod: 'prepaid',
    paymentState: shares.every((s) => s.paid) ? 'paid' : 'pending',
    paymentId: `group-${group.groupId}`,
    status: 'placed',
    timeline: [{ status: 'placed', at: now.toISOString(), note: `团购“${group.label}”截单，共 ${shares.length} 户` }],
    pickupCode: ids.pickupCode,
    breakdown: (breakdown(shares) as ShareItem[]).map((s) => ({
      memberId: s.memberId,
      household: s.household,
      contactName: s.contactName,
      lines: s.lines.map(({ dailyLimit: _l, ...l }) => l),
      totalFen: s.totalFen,
      paid: s.paid,
    })),
    createdAt: now.toISOString(),
  };
}
