import { cityDate } from '@citycare/contract';
import { randomInt } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../lib/dynamo';
import { AppError, conflict, notFound } from '../lib/errors';
import { log } from '../lib/log';
import { groceryConfig } from './shared/config';
import {
  BY_USER,
  DUE_GROUPS_FROM,
  dueGroupsBound,
  groupKey,
  OPEN_GROUPS_PARTITION,
  orderIndexes,
  orderKey,
  slotKey,
} from './shared/keys';
import { breakdown, consolidate } from './groups/rules';
import { orderTotal } from './checkout/rules';
import { pickupCode } from './shared/rules';
import { getSlot } from './catalogue/storage';
import { bookSlot, newOrderId } from './checkout/storage';
import { getGroup, sharesOf, type GroupItem, type ShareItem } from './store-groups';
import { finishGroupRelease, pendingReleases } from './store-group-release';
import { commit, type Tagged } from './shared/storage';
import type { OrderItem } from './shared/views';

const table = () => groceryConfig.table;

/**
 * At the cutoff the group becomes one order to the store: consolidated lines, a per-household
 * breakdown, one slot place. Conditional on the member count read, so a late join cannot slip
 * past the consolidation.
 */
export async function closeGroup(group: GroupItem, now: Date): Promise<{ group: GroupItem; order?: OrderItem }> {
  if (group.status !== 'open') throw conflict('这个团购已经截单了');
  const shares = await sharesOf(group.groupId);
  // Closing takes the group off the index of open groups (the schedule's list of groups due).
  const groupUpdate = (status: 'closed' | 'cancelled', orderId?: string): Tagged => ({
    tag: { kind: 'order' },
    item: {
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
  });
  if (shares.length === 0) {
    // Nobody joined: no order, and the slot place the group held goes back.
    await commit([groupUpdate('cancelled'), ...(group.slotBooked ? [freeSlotItem(group)] : [])], now).catch(
      async () => {
        const current = await getGroup(group.groupId);
        if (current?.status !== 'open') throw conflict('这个团购已经截单了');
        throw conflict('刚有居民加入了团购，请刷新后再截单');
      },
    );
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
      // Groups opened before places were taken at opening take theirs now.
      ...(group.slotBooked ? [] : [bookSlot(group.storeId, group.slotId, false, now)]),
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

function freeSlotItem(group: GroupItem): Tagged {
  return {
    tag: { kind: 'order' },
    item: {
      Update: {
        TableName: table(),
        Key: slotKey(group.storeId, group.slotId),
        UpdateExpression: 'ADD booked :minus, generalBooked :minus',
        ConditionExpression: 'booked > :zero',
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
      },
    },
  };
}

/** Open groups whose cutoff is at or before `now`, oldest first, from the index of open groups. */
export async function dueGroups(now: Date, limit = 100): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: table(),
        IndexName: BY_USER,
        // From the first cutoff time on: release markers (store-group-release.ts) sort before.
        KeyConditionExpression: 'gsi1pk = :open AND gsi1sk BETWEEN :from AND :bound',
        ExpressionAttributeValues: {
          ':open': OPEN_GROUPS_PARTITION,
          ':from': DUE_GROUPS_FROM,
          ':bound': dueGroupsBound(now),
        },
        ProjectionExpression: 'groupId',
        Limit: limit - ids.length,
        ExclusiveStartKey: start,
      }),
    );
    ids.push(...(out.Items ?? []).map((i) => String(i.groupId)));
    start = out.LastEvaluatedKey;
  } while (start && ids.length < limit);
  return ids;
}

export interface CloseDueSummary {
  due: number;
  closed: number;
  cancelled: number;
  /** Closed meanwhile by a worker or another run. */
  skipped: number;
  failed: number;
  /** Large group orders whose batched release a crashed run left unfinished, now finished. */
  released: number;
}

/**
 * The schedule's sweep: every group past its cutoff is closed with the same code as the
 * worker's button. Each group is re-read consistently (the index may lag); a group closed
 * meanwhile by a worker or a concurrent run is skipped, so running twice is harmless. A group
 * that cannot close (its slot gone) is left open and logged; the next run tries again.
 */
export async function closeDueGroups(now: Date): Promise<CloseDueSummary> {
  const ids = await dueGroups(now);
  const summary: CloseDueSummary = { due: ids.length, closed: 0, cancelled: 0, skipped: 0, failed: 0, released: 0 };
  for (const pending of await pendingReleases()) {
    try {
      await finishGroupRelease(pending.orderId, pending.groupId, pending.storeId, now);
      summary.released += 1;
    } catch (err) {
      summary.failed += 1;
      log.error('group order release did not finish', { orderId: pending.orderId, error: String(err) });
    }
  }
  for (const groupId of ids) {
    try {
      const group = await getGroup(groupId);
      if (!group || group.status !== 'open' || Date.parse(group.cutoffAt) > now.getTime()) {
        summary.skipped += 1;
        continue;
      }
      const { order } = await closeGroup(group, now);
      if (order) summary.closed += 1;
      else summary.cancelled += 1;
    } catch (err) {
      const current = await getGroup(groupId).catch(() => undefined);
      if (current && current.status !== 'open') {
        summary.skipped += 1;
        continue;
      }
      summary.failed += 1;
      log.error('group order did not close at its cutoff', {
        groupId,
        error: err instanceof AppError ? `${err.code}: ${err.message}` : ((err as Error)?.stack ?? String(err)),
      });
    }
  }
  return summary;
}
