import { AppError } from '../lib/errors';
import { log } from '../lib/log';
import { groceryConfig } from './shared/config';
import { orderKey, releaseMarker, releaseMarkerKey } from './shared/keys';
import { MAX_TRANSACTION_ITEMS } from './shared/rules';
import { sharesOf } from './groups/storage';
import type { ShareItem } from './groups/views';
// eslint-disable-next-line import-x/no-cycle -- known cycle with store-release.ts, removed by the grocery use-case restructuring
import { heldByShare, limitItems, shareItems, slotItem, stockItems, tag } from './store-release';
import { commit, type Tagged } from './shared/storage';
import type { OrderItem } from './shared/views';

/**
 * A group order with more households than one transaction can hold (DynamoDB's 100 items) is
 * given up in steps that each commit whole: first the order, its stock and its slot place,
 * with a marker on the index of open groups; then the households' shares in batches, each
 * refunding or cancelling its payments and giving back its counters; last the marker goes.
 * Each share's step is conditional on the share not being released yet, so a step repeated —
 * a retry, or the schedule finishing what a crashed run began — never gives anything back twice.
 */

const table = () => groceryConfig.table;
const ATTEMPTS = 10;

export async function releaseLargeGroup(order: OrderItem, orderUpdate: Tagged, now: Date): Promise<void> {
  const marker = tag({
    Put: {
      TableName: table(),
      Item: releaseMarker(order.orderId, order.groupId ?? '', order.storeId),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
  await commit([orderUpdate, ...stockItems(order.storeId, order.lines), slotItem(order), marker], now);
  try {
    await finishGroupRelease(order.orderId, order.groupId ?? '', order.storeId, now);
  } catch (err) {
    // The order is given up; the schedule finds the marker and finishes the households' part.
    log.warn('group release left to the schedule', { orderId: order.orderId, error: String(err) });
  }
}

/** The shares in batches that each fit one transaction, with their payments and counters. */
export function shareBatches(shares: ShareItem[], storeId: string, now: Date): Tagged[][] {
  const itemsOf = (group: ShareItem[]) => [
    ...group.flatMap((s) => shareItems(s, now)),
    ...limitItems(storeId, group.flatMap(heldByShare), now),
  ];
  const batches: ShareItem[][] = [];
  let current: ShareItem[] = [];
  for (const share of shares) {
    if (current.length && itemsOf([...current, share]).length > MAX_TRANSACTION_ITEMS) {
      batches.push(current);
      current = [];
    }
    current.push(share);
  }
  if (current.length) batches.push(current);
  return batches.map(itemsOf);
}

/**
 * Releases every share not yet released, then settles the order's payment state (a household
 * may have paid while the first step ran: then it is refunded too) and removes the marker.
 */
export async function finishGroupRelease(orderId: string, groupId: string, storeId: string, now: Date): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const open = (await sharesOf(groupId)).filter((s) => !s.released);
    if (!open.length) break;
    if (attempt >= ATTEMPTS) throw new AppError('TRY_AGAIN', '团购退款还在进行中，请稍后刷新查看');
    try {
      for (const batch of shareBatches(open, storeId, now)) await commit(batch, now);
    } catch (err) {
      // A household paid meanwhile: read the shares again and go on with what is left.
      if (!(err instanceof AppError)) throw err;
    }
  }
  const paid = (await sharesOf(groupId)).some((s) => s.paid);
  await commit(
    [
      tag({
        Update: {
          TableName: table(),
          Key: orderKey(orderId),
          UpdateExpression: 'SET paymentState = :state',
          ExpressionAttributeValues: { ':state': paid ? 'refunded' : 'cancelled' },
        },
      }),
      tag({ Delete: { TableName: table(), Key: releaseMarkerKey(orderId) } }),
    ],
    now,
  );
}
