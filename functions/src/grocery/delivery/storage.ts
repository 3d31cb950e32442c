import type { Collected, ErrorCode } from '@citycare/contract';
import { auditPut, CONFLICT, retryOnConflict, type TransactItem } from '../../lib/dynamo';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { Reply } from '../../lib/http';
import { idempotencyPut, storedReply, type IdempotencyScope } from '../../lib/idempotency';
import { metric } from '../../lib/metrics';
import { groceryConfig } from '../config';
import { orderKey } from '../keys';
import { refuse, TRY_AGAIN_MESSAGE } from '../refusals';
import { timelineEntry } from '../rules';
import { commit, existingOrder, getOrder, inList, tagAll } from '../storage';
import type { OrderItem } from '../views';
import {
  codeLockStart,
  COLLECTING,
  MAX_CODE_FAILS,
  NOT_COLLECTING,
  NOT_LOCKED,
  READY_BEFORE,
  whyNotDelivered,
  wrongCodeMessage,
  type Confirming,
} from './rules';

/**
 * The worker's delivery confirmation by the resident's pickup code. Each confirmation carries
 * its own Idempotency-Key (made on the phone, possibly offline) and is one transaction with
 * its idempotency record, so a confirmation synced twice applies once. Wrong codes are counted
 * on the order, each in one conditional write with its own idempotency record; after
 * MAX_CODE_FAILS of them the order takes no confirmation for CODE_LOCK_MINUTES.
 *
 * Pay on delivery: the confirmation records the money collected at the door (已收款) in the same
 * transaction, with its audit row; the amount is the order's total as read here, and the write
 * holds only while the order still has that total and is unpaid.
 */

const table = () => groceryConfig.table;
const DELIVERABLE = { ':prepared': 'prepared', ':out': 'out-for-delivery' };

export interface Delivered {
  orderId: string;
  status: 'delivered';
  deliveredAt: string;
  collected?: { method: Collected; amountFen: number };
}

/** Pay on delivery: the order's own total, and what the confirmation adds to its write. */
async function collection(orderId: string, method: Collected | undefined, actorId: string, at: string, now: Date) {
  if (!method) return { condition: NOT_COLLECTING, set: '', values: { ':cod': 'on-delivery' }, audit: [] };
  const order = await existingOrder(orderId);
  const amountFen = order.totalFen;
  const audit: TransactItem[] = [
    auditPut(`GROCERY#COLLECTED#${order.communityId}`, now, actorId, {
      action: 'grocery.collect',
      orderId,
      method,
      amountFen,
      deliveredAt: at,
    }),
  ];
  return {
    amountFen,
    condition: COLLECTING,
    set: ', paymentState = :paid, collected = :how, collectedFen = :amount, collectedAt = :at, collectedBy = :by',
    values: {
      ':cod': 'on-delivery',
      ':pending': 'pending',
      ':paid': 'paid',
      ':how': method,
      ':amount': amountFen,
      ':by': actorId,
    },
    audit,
  };
}

/** A stored answer of an earlier request with the same key: its body, or its error again. */
function replayed(stored: Reply<unknown>): Delivered {
  const error = (stored.body as { error?: { code: ErrorCode; message: string } }).error;
  if (stored.status >= 400 && error) throw new AppError(error.code, error.message);
  return stored.body as Delivered;
}

export interface Confirmation {
  orderId: string;
  code: string;
  /** Pay on delivery: how the money was collected at the door. */
  collected?: Collected;
  /** The worker's communities. */
  communities: string[];
}

export async function confirmDelivery(
  { orderId, code, collected, communities }: Confirmation,
  scope: IdempotencyScope,
  now: Date,
  confirmedAt: Date,
): Promise<Delivered> {
  if (communities.length === 0) throw forbidden();
  const scopeIn = inList('c', communities);
  const deliveredAt = confirmedAt.toISOString();
  const money = await collection(orderId, collected, scope.userId, deliveredAt, now);
  const body: Delivered = {
    orderId,
    status: 'delivered',
    deliveredAt,
    ...(collected && money.amountFen !== undefined
      ? { collected: { method: collected, amountFen: money.amountFen } }
      : {}),
  };
  try {
    const { replay } = await commit(
      [
        ...tagAll('order', [
          {
            Update: {
              TableName: table(),
              Key: orderKey(orderId),
              UpdateExpression: `SET #s = :delivered, deliveredAt = :at, timeline = list_append(timeline, :entry)${money.set}`,
              ConditionExpression: `#s IN (:prepared, :out) AND pickupCode = :code AND communityId IN ${scopeIn.expr} AND ${NOT_LOCKED} AND ${READY_BEFORE} AND ${money.condition}`,
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: {
                ':delivered': 'delivered',
                ...DELIVERABLE,
                ':code': code,
                ':at': deliveredAt,
                ':entry': timelineEntry('delivered', new Date(deliveredAt)),
                ':maxFails': MAX_CODE_FAILS,
                ':lockStart': codeLockStart(now).toISOString(),
                ...scopeIn.values,
                ...money.values,
              },
            },
          },
        ]),
        ...tagAll('order', money.audit),
        ...tagAll('idempotency', [idempotencyPut(scope, 200, body, now)]),
      ],
      now,
      scope,
    );
    if (replay) return replayed(replay);
    metric('GroceryDeliveries');
    return body;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'TRY_AGAIN') throw err;
    return explainRefusal(orderId, scope, { communities, code, collected, deliveredAt, now }, err);
  }
}

/**
 * Why the confirmation did not apply (delivery/rules.ts whyNotDelivered); a wrong code is
 * counted, once per Idempotency-Key. Each round sees a higher count than the last, and the
 * order locks after MAX_CODE_FAILS, so a few rounds settle it.
 */
function explainRefusal(
  orderId: string,
  scope: IdempotencyScope,
  confirming: Confirming,
  original: AppError,
): Promise<Delivered> {
  return retryOnConflict(
    async () => {
      const stored = await storedReply(scope);
      if (stored) return replayed(stored);
      const order = await getOrder(orderId);
      if (!order) throw notFound('没有这笔订单');
      const why = whyNotDelivered(order, confirming);
      if (why === 'code-matches') throw original;
      if (why !== 'wrong-code') refuse(why);
      return countWrongCode(order, confirming.code, scope, confirming.now);
    },
    { attempts: MAX_CODE_FAILS + 3, message: TRY_AGAIN_MESSAGE },
  );
}

/**
 * Adds one wrong code to the order's count, conditional on the count it was read with (so
 * concurrent wrong codes are each counted exactly once, and none past the lock), together with
 * the refusal as this key's idempotency record: that refusal is thrown once it is recorded.
 * CONFLICT when the order changed meanwhile; the earlier answer when a request with the same
 * key got there first.
 */
async function countWrongCode(
  order: OrderItem,
  code: string,
  scope: IdempotencyScope,
  now: Date,
): Promise<Delivered | typeof CONFLICT> {
  const seen = order.codeFails ?? 0;
  const refusal = { code: 'UNPROCESSABLE' as const, message: wrongCodeMessage(seen + 1) };
  try {
    const { replay } = await commit(
      [
        ...tagAll('order', [
          {
            Update: {
              TableName: table(),
              Key: orderKey(order.orderId),
              UpdateExpression: 'SET codeFails = :next, lastCodeFailAt = :now',
              ConditionExpression: `#s IN (:prepared, :out) AND pickupCode <> :code AND ${
                seen === 0 ? 'attribute_not_exists(codeFails)' : 'codeFails = :seen'
              }`,
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: {
                ...DELIVERABLE,
                ':code': code,
                ':next': seen + 1,
                ':now': now.toISOString(),
                ...(seen === 0 ? {} : { ':seen': seen }),
              },
            },
          },
        ]),
        ...tagAll('idempotency', [idempotencyPut(scope, 422, { error: refusal }, now)]),
      ],
      now,
      scope,
    );
    // A request with the same key got there first: its answer.
    if (replay) return replayed(replay);
  } catch (err) {
    if (err instanceof AppError && err.code === 'TRY_AGAIN') return CONFLICT;
    throw err;
  }
  throw new AppError(refusal.code, refusal.message);
}
