import { cityDate } from '@citycare/contract';
import { randomBytes } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import type { JoinGroupRequest, OpenGroupRequest, OrderLine } from '@citycare/contract';
import { db } from '../lib/dynamo';
import { AppError, conflict, notFound } from '../lib/errors';
import { idempotencyPut, type IdempotencyScope } from '../lib/idempotency';
import { payments } from './wiring';
import { groceryConfig } from './shared/config';
import { communityPartition, groupIndexes, groupKey, shareKey, BY_COMMUNITY } from './shared/keys';
import type { Share } from './groups/rules';
import { householdKey, householdLabel } from './shared/address';
import { orderTotal } from './checkout/rules';
import { getSlot, getStore } from './catalogue/storage';
import { bookSlot, readCheckoutInputs, takeStock } from './checkout/storage';
import { priceLines } from './checkout/rules';
import { allowed } from './shared/refusals';
import { commit, type Tagged } from './shared/storage';

/** Storage of group orders (卡点购物车): open, join with a paid-by-phone share, close into one order. */

const table = () => groceryConfig.table;

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
  /** The household and day its scarce-item counters were taken under (rules.householdKey). */
  householdKey?: string;
  day?: string;
  /** Its scarce lines were counted per user too (keys.userLimitSubject); absent on older shares. */
  userCounted?: boolean;
  createdAt: string;
}

export async function openGroup(userId: string, body: z.infer<typeof OpenGroupRequest>, now: Date): Promise<GroupItem> {
  const [store, slot] = await Promise.all([getStore(body.storeId), getSlot(body.storeId, body.slotId)]);
  if (!store) throw notFound('没有这家商户');
  if (!store.serves.includes(body.communityId)) throw new AppError('UNPROCESSABLE', `${store.name} 不给这个社区配送`);
  if (!slot) throw notFound('没有这个配送时段');
  const cutoff = Date.parse(body.cutoffAt);
  if (cutoff <= now.getTime()) throw new AppError('UNPROCESSABLE', '团购截止时间必须晚于现在');
  if (cutoff > Date.parse(slot.cutoffAt)) {
    throw new AppError('UNPROCESSABLE', '团购截止时间不能晚于所选配送时段的截单时间');
  }
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
      {
        tag: { kind: 'order' },
        item: {
          Put: {
            TableName: table(),
            Item: { ...groupKey(groupId), ...groupIndexes(group), ...group },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
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

export async function sharesOf(groupId: string): Promise<ShareItem[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :share)',
      ExpressionAttributeValues: { ':pk': groupKey(groupId).pk, ':share': 'SHARE#' },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []) as ShareItem[];
}

export async function groupsOf(communityId: string): Promise<GroupItem[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: BY_COMMUNITY,
      KeyConditionExpression: 'gsi3pk = :pk AND begins_with(gsi3sk, :g)',
      ExpressionAttributeValues: { ':pk': communityPartition(communityId), ':g': 'GROUP#' },
      ScanIndexForward: false,
      Limit: 50,
    }),
  );
  return (out.Items ?? []) as GroupItem[];
}

/**
 * A household joins: its stock, scarce-item counters, the group's running totals (only while
 * open and before the cutoff), its share and its pending payment, in one transaction.
 */
export async function joinGroup(
  userId: string,
  group: GroupItem,
  body: z.infer<typeof JoinGroupRequest>,
  scope: IdempotencyScope,
  now: Date,
  respond: (share: ShareItem) => unknown,
): Promise<{ body: unknown; status: number }> {
  if (group.status !== 'open' || Date.parse(group.cutoffAt) <= now.getTime()) {
    throw new AppError('UNPROCESSABLE', '这个团购已经截单，不能再加入');
  }
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
    paymentId: `pay-${group.groupId}-${memberId}`,
    householdKey: household,
    day,
    userCounted: true,
    createdAt: now.toISOString(),
  };
  const answer = { status: 201, body: respond(share) };
  const tagged: Tagged[] = [
    ...takeStock(group.storeId, lines, { household, userId }, day),
    {
      tag: { kind: 'group' },
      item: {
        Update: {
          TableName: table(),
          Key: groupKey(group.groupId),
          UpdateExpression: 'ADD memberCount :one, totalFen :total',
          ConditionExpression: '#s = :open AND cutoffAt > :now',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':one': 1, ':total': totalFen, ':open': 'open', ':now': now.toISOString() },
        },
      },
    },
    {
      tag: { kind: 'order' },
      item: {
        Put: {
          TableName: table(),
          Item: { ...shareKey(group.groupId, memberId), ...share, phone: body.contact.phone },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
    ...payments()
      .createItems(
        {
          paymentId: share.paymentId,
          payerId: userId,
          amountFen: totalFen,
          purpose: 'grocery-order',
          reference: group.groupId,
          description: `${group.storeName} 团购（${group.label}）`,
        },
        now,
      )
      .map((item) => ({ item, tag: { kind: 'payment' as const } })),
    { tag: { kind: 'idempotency' }, item: idempotencyPut(scope, answer.status, answer.body, now) },
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

/** A household pays its share by phone: the provider's settlement and the share's flag together. */
export async function payShare(share: ShareItem, now: Date): Promise<ShareItem> {
  if (share.released) throw conflict('这个团购订单已被商户拒单，无需付款');
  if (share.paid) throw conflict('这份已经付过款了');
  await commit(
    [
      ...payments()
        .settleItems(share.paymentId, share.totalFen, now)
        .map((item) => ({ item, tag: { kind: 'payment' as const } })),
      {
        tag: { kind: 'order' },
        item: {
          Update: {
            TableName: table(),
            Key: shareKey(share.groupId, share.memberId),
            UpdateExpression: 'SET paid = :yes, paidAt = :now',
            ConditionExpression: 'paid = :no AND attribute_not_exists(released)',
            ExpressionAttributeValues: { ':yes': true, ':no': false, ':now': now.toISOString() },
          },
        },
      },
    ],
    now,
  );
  return { ...share, paid: true };
}
