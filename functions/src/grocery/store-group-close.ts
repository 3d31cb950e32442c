import { randomInt } from 'node:crypto';
import { AppError, conflict, notFound } from '../lib/errors';
import { groceryConfig } from './config';
import { groupKey, orderIndexes, orderKey } from './keys';
import { breakdown, consolidate } from './lists';
import { orderTotal, pickupCode, shanghaiDay } from './rules';
import { getSlot } from './store-catalogue';
import { bookSlotItem, newOrderId } from './store-checkout';
import { getGroup, sharesOf, type GroupItem, type ShareItem } from './store-groups';
import { commit, type Tagged } from './tx';
import type { OrderItem } from './views';

const table = () => groceryConfig.table;

/**
 * At the cutoff the group becomes one order to the store: consolidated lines, a per-household
 * breakdown, one slot place. Conditional on the member count read, so a late join cannot slip
 * past the consolidation.
 */
export async function closeGroup(group: GroupItem, now: Date): Promise<{ group: GroupItem; order?: OrderItem }> {
  if (group.status !== 'open') throw conflict('这个团购已经截单了');
  const shares = await sharesOf(group.groupId);
  const groupUpdate = (status: 'closed' | 'cancelled', orderId?: string): Tagged => ({
    tag: { kind: 'order' },
    item: {
      Update: {
        TableName: table(),
        Key: groupKey(group.groupId),
        UpdateExpression: `SET #s = :to${orderId ? ', orderId = :orderId' : ''}`,
        ConditionExpression: '#s = :open AND memberCount = :n',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':to': status,
          ':open': 'open',
          ':n': shares.length,
          ...(orderId ? { ':orderId': orderId } : {}),
        },
      },
    },
  });
  if (shares.length === 0) {
    await commit([groupUpdate('cancelled')], now).catch(() => {
      throw conflict('刚有居民加入了团购，请刷新后再截单');
    });
    return { group: { ...group, status: 'cancelled' } };
  }
  const slot = await getSlot(group.storeId, group.slotId);
  if (!slot) throw notFound('团购的配送时段不存在了');
  const orderId = newOrderId(now);
  const lines = consolidate(shares).map(({ ...l }) => {
    delete (l as { dailyLimit?: number }).dailyLimit;
    return l;
  });
  const order: OrderItem = {
    orderId,
    kind: 'group',
    groupId: group.groupId,
    userId: group.createdBy,
    household: `group/${group.groupId}`,
    day: shanghaiDay(now),
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
    pickupCode: pickupCode(randomInt(0, 1_000_000)),
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
  await commit(
    [
      groupUpdate('closed', orderId),
      bookSlotItem(group.storeId, group.slotId, false, now),
      {
        tag: { kind: 'order' },
        item: {
          Put: {
            TableName: table(),
            Item: { ...orderKey(orderId), ...orderIndexes(order), ...order },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
    ],
    now,
  ).catch(async (err: unknown) => {
    if (err instanceof AppError && err.code !== 'TRY_AGAIN') throw err;
    const current = await getGroup(group.groupId);
    if (current?.status !== 'open') throw conflict('这个团购已经截单了');
    throw conflict('刚有居民加入了团购，请刷新后再截单');
  });
  return { group: { ...group, status: 'closed', orderId }, order };
}
