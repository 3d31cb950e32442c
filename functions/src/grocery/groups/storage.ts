import { randomBytes, randomInt } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { cityDate, type JoinGroupRequest, type OpenGroupRequest } from '@citycare/contract';
import type * as z from 'zod';
import { db, queryAll } from '../../lib/dynamo';
import { AppError, conflict, notFound } from '../../lib/errors';
import { idempotencyPut, type IdempotencyScope } from '../../lib/idempotency';
import { getSlot, getStore } from '../catalogue/storage';
import { orderTotal, priceLines } from '../checkout/rules';
import { bookSlot, freeSlot, putOrder, readCheckoutInputs, takeStock } from '../checkout/storage';
import { newPaymentId } from '../../payments';
import { dropUnpaidShares } from '../paying/cashier';
import { sharePayment } from '../paying/share-hooks';
import { householdKey, householdLabel } from '../address';
import { groceryConfig } from '../config';
import { BY_COMMUNITY, communityPartition, groupIndexes, groupKey, shareKey } from '../keys';
import { allowed, refuse } from '../refusals';
import { pickupCode } from '../rules';
import { commit, tagAll, type Tagged } from '../storage';
import type { OrderItem } from '../views';
import { payments } from '../wiring';
import { groupOrder, liveShares, openTerms, refuseJoin, type GroupItem, type ShareItem } from './rules';

/** Storage of group orders (卡点购物车): open, join with a share to pay through WeChat Pay, close into one order. */

const table = () => groceryConfig.table;

export async function createGroup(
  userId: string,
  body: z.infer<typeof OpenGroupRequest>,
  now: Date,
): Promise<GroupItem> {
  const found = await Promise.all([getStore(body.storeId), getSlot(body.storeId, body.slotId)]);
  const { store } = allowed(openTerms(...found, body, now));
  const groupId = `g${now.toISOString().slice(2, 10).replace(/-/g, '')}${randomBytes(5).toString('hex')}`;
  const group: GroupItem = {
    groupId,
    storeId: store.storeId,
    storeName: store.name,
    communityId: body.communityId,
    slotId: body.slotId,
    label: body.label,
    cutoffAt: new Date(body.cutoffAt).toISOString(),
    status: 'open',
    memberCount: 0,
    totalFen: 0,
    createdBy: userId,
    contact: body.contact,
    slotBooked: true,
    createdAt: now.toISOString(),
  };
  // The group's one order takes its slot place now, so that closing it at the cutoff (by the
  // schedule, maybe after the slot's own cutoff) never fails for a full slot.
  await commit(
    [
      ...tagAll('order', [
        {
          Put: {
            TableName: table(),
            Item: { ...groupKey(groupId), ...groupIndexes(group), ...group },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]),
      bookSlot(store.storeId, body.slotId, false, now),
    ],
    now,
  );
  return group;
}

export async function getGroup(groupId: string): Promise<GroupItem | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: groupKey(groupId), ConsistentRead: true }));
  return out.Item as GroupItem | undefined;
}

/** The group, or 404. */
export async function existingGroup(groupId: string): Promise<GroupItem> {
  const g = await getGroup(groupId);
  if (!g) throw notFound('没有这个团购');
  return g;
}

export function sharesOf(groupId: string): Promise<ShareItem[]> {
  return queryAll<ShareItem>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :share)',
    ExpressionAttributeValues: { ':pk': groupKey(groupId).pk, ':share': 'SHARE#' },
    ConsistentRead: true,
  });
}

/** A community's 50 newest groups. */
export function groupsOf(communityId: string): Promise<GroupItem[]> {
  return queryAll<GroupItem>(
    {
      TableName: table(),
      IndexName: BY_COMMUNITY,
      KeyConditionExpression: 'gsi3pk = :pk AND begins_with(gsi3sk, :g)',
      ExpressionAttributeValues: { ':pk': communityPartition(communityId), ':g': 'GROUP#' },
      ScanIndexForward: false,
      Limit: 50,
    },
    { max: 50 },
  );
}

/**
 * A household joins: its stock, scarce-item counters, the group's running totals (only while
 * open and before the cutoff), its share and its pending payment, in one transaction.
 */
export async function addShare(
  userId: string,
  group: GroupItem,
  body: z.infer<typeof JoinGroupRequest>,
  scope: IdempotencyScope,
  now: Date,
  respond: (share: ShareItem) => unknown,
): Promise<{ body: unknown; status: number }> {
  refuse(refuseJoin(group, now));
  const { items } = await readCheckoutInputs(
    group.storeId,
    group.slotId,
    body.lines.map((l) => l.itemId),
  );
  const { lines } = allowed(priceLines(body.lines, items));
  const memberId = `m${randomBytes(6).toString('hex')}`;
  const household = householdKey(group.communityId, body.address);
  const day = cityDate(now);
  const totalFen = orderTotal(lines);
  const share: ShareItem = {
    groupId: group.groupId,
    memberId,
    userId,
    household: householdLabel(body.address),
    contactName: body.contact.name,
    lines,
    totalFen,
    paid: false,
    paymentId: newPaymentId(now),
    paymentState: 'pending',
    householdKey: household,
    day,
    userCounted: true,
    createdAt: now.toISOString(),
  };
  const answer = { status: 201, body: respond(share) };
  const payment = payments().createItems(sharePayment(share, group, now), now);
  const tagged: Tagged[] = [
    ...takeStock(group.storeId, lines, { household, userId }, day),
    ...tagAll('group', [
      {
        Update: {
          TableName: table(),
          Key: groupKey(group.groupId),
          UpdateExpression: 'ADD memberCount :one, totalFen :total',
          ConditionExpression: '#s = :open AND cutoffAt > :now',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':one': 1, ':total': totalFen, ':open': 'open', ':now': now.toISOString() },
        },
      },
    ]),
    ...tagAll('order', [
      {
        Put: {
          TableName: table(),
          Item: { ...shareKey(group.groupId, memberId), ...share, phone: body.contact.phone },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]),
    ...tagAll('payment', payment),
    ...tagAll('idempotency', [idempotencyPut(scope, answer.status, answer.body, now)]),
  ];
  const { replay } = await commit(tagged, now, scope);
  return replay ? { status: replay.status, body: replay.body } : answer;
}

export async function getShare(groupId: string, memberId: string): Promise<ShareItem | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: table(), Key: shareKey(groupId, memberId), ConsistentRead: true }),
  );
  return out.Item as ShareItem | undefined;
}

/**
 * 截单: the group becomes one order to the store (groups/rules.ts groupOrder), with one slot
 * place. Conditional on the member count read, so a late join cannot slip past the
 * consolidation. Nobody joined: no order, and the slot place the group held goes back.
 */
export async function closeIntoOrder(group: GroupItem, now: Date): Promise<{ group: GroupItem; order?: OrderItem }> {
  if (group.status !== 'open') throw conflict('这个团购已经截单了');
  // Unpaid shares are dropped first (their WeChat Pay orders closed); paid meanwhile, they stay.
  const unpaid = liveShares(await sharesOf(group.groupId)).filter((s) => !s.paid);
  await dropUnpaidShares(group, unpaid, now);
  const shares = liveShares(await sharesOf(group.groupId));
  if (shares.some((s) => !s.paid)) throw conflict('刚有居民加入了团购，请刷新后再截单');
  // Closing takes the group off the index of open groups (the schedule's list of groups due).
  const groupUpdate = (status: 'closed' | 'cancelled', orderId?: string): Tagged[] =>
    tagAll('order', [
      {
        Update: {
          TableName: table(),
          Key: groupKey(group.groupId),
          UpdateExpression: `SET #s = :to${orderId ? ', orderId = :orderId' : ''} REMOVE gsi1pk, gsi1sk`,
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
    ]);
  const lostRace = async (err: unknown) => {
    if (err instanceof AppError && err.code !== 'TRY_AGAIN') throw err;
    const current = await getGroup(group.groupId);
    if (current?.status !== 'open') throw conflict('这个团购已经截单了');
    throw conflict('刚有居民加入了团购，请刷新后再截单');
  };
  if (shares.length === 0) {
    const freed = group.slotBooked ? [freeSlot(group.storeId, group.slotId, true)] : [];
    await commit([...groupUpdate('cancelled'), ...freed], now).catch(lostRace);
    return { group: { ...group, status: 'cancelled', memberCount: 0, totalFen: 0 } };
  }
  const slot = await getSlot(group.storeId, group.slotId);
  if (!slot) throw notFound('团购的配送时段不存在了');
  const order = groupOrder(group, shares, slot, { pickupCode: pickupCode(randomInt(0, 1_000_000)) }, now);
  await commit(
    [
      ...groupUpdate('closed', order.orderId),
      // Groups opened before places were taken at opening take theirs now.
      ...(group.slotBooked ? [] : [bookSlot(group.storeId, group.slotId, false, now)]),
      putOrder(order),
    ],
    now,
  ).catch(lostRace);
  const totalFen = shares.reduce((sum, s) => sum + s.totalFen, 0);
  return { group: { ...group, status: 'closed', orderId: order.orderId, memberCount: shares.length, totalFen }, order };
}
