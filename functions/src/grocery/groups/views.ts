import { maskName, type Group } from '@citycare/contract';
import { totalsPerItem } from '../rules';
import { groupStatus, liveShares, type GroupItem, type ShareItem } from './rules';

/** Pure: a group order and its households' shares as each viewer may see them. */

/** A share as its household sees it (with its payment), or (masked) as anyone else entitled to see it. */
export const shareView = (s: ShareItem, masked: boolean) => ({
  memberId: s.memberId,
  household: s.household,
  contactName: masked ? maskName(s.contactName) : s.contactName,
  lines: s.lines.map(({ dailyLimit: _l, ...l }) => l),
  totalFen: s.totalFen,
  paid: s.paid,
  ...(s.released ? { released: true } : {}),
  ...(masked ? {} : { payment: { state: sharePaymentState(s), paymentId: s.paymentId } }),
});

/** A share's payment state (shares from before it was stored: paid, given back or still to pay). */
export function sharePaymentState(s: Pick<ShareItem, 'paid' | 'released' | 'paymentState'>) {
  return s.paymentState ?? (s.paid ? 'paid' : s.released ? 'cancelled' : 'pending');
}

/**
 * The worker of the group's community sees every household; a resident only their own shares.
 * Past its cutoff an open group shows as `closing` until the schedule (or the worker) closes it.
 */
export function groupView(
  g: GroupItem,
  shares: ShareItem[],
  viewer: { userId: string; worker: boolean },
  now: Date,
): Group {
  const visible = viewer.worker ? shares : shares.filter((s) => s.userId === viewer.userId);
  return {
    groupId: g.groupId,
    storeId: g.storeId,
    storeName: g.storeName,
    communityId: g.communityId,
    slotId: g.slotId,
    label: g.label,
    cutoffAt: g.cutoffAt,
    status: groupStatus(g.status, g.cutoffAt, now),
    memberCount: g.memberCount,
    totalFen: g.totalFen,
    ...(g.orderId ? { orderId: g.orderId } : {}),
    shares: visible.map((s) => shareView(s, s.userId !== viewer.userId)),
    totals: viewer.worker ? totalsPerItem(liveShares(shares).flatMap((s) => s.lines)) : [],
    createdAt: g.createdAt,
  };
}
