import { BEFORE_READY_MESSAGE } from './delivery/rules';
import { ORDER_STATUS_LABELS, type ErrorCode } from '@citycare/contract';
import { AppError, conflict, forbidden, notFound } from '../lib/errors';
import type { Reply } from '../lib/http';
import { idempotencyPut, storedReply, type IdempotencyScope } from '../lib/idempotency';
import { metric } from '../lib/metrics';
import { groceryConfig } from './shared/config';
import { orderKey } from './shared/keys';
import { lockedMessage, wrongCodeMessage } from './delivery/rules';
import { codeLockMinutes, codeLockStart, MAX_CODE_FAILS } from './delivery/rules';
import { nextStatus } from './shared/rules';
import { timelineEntry } from './shared/rules';
import { commit, getOrder, inList, type Tagged } from './shared/storage';
import type { OrderItem } from './shared/views';

/**
 * The worker's delivery confirmation by the resident's pickup code. Each confirmation carries
 * its own Idempotency-Key (made on the phone, possibly offline) and is one transaction with
 * its idempotency record, so a confirmation synced twice applies once. Wrong codes are counted
 * on the order, each in one conditional write with its own idempotency record; after
 * MAX_CODE_FAILS of them the order takes no confirmation for CODE_LOCK_MINUTES.
 */

const table = () => groceryConfig.table;
const DELIVERABLE = { ':prepared': 'prepared', ':out': 'out-for-delivery' };
/** Not locked: fewer than the allowed wrong codes, or the last one long enough ago. */
const NOT_LOCKED = '(attribute_not_exists(codeFails) OR codeFails < :maxFails OR lastCodeFailAt < :lockStart)';
/** Not delivered before it was made ready or sent out (orders from before readyAt existed pass). */
const READY_BEFORE = '(attribute_not_exists(readyAt) OR readyAt <= :at)';

export interface Delivered {
  orderId: string;
  status: 'delivered';
  deliveredAt: string;
}

/** A stored answer of an earlier request with the same key: its body, or its error again. */
function replayed(stored: Reply<unknown>): Delivered {
  const error = (stored.body as { error?: { code: ErrorCode; message: string } }).error;
  if (stored.status >= 400 && error) throw new AppError(error.code, error.message);
  return stored.body as Delivered;
}

export async function confirmDelivery(
  orderId: string,
  code: string,
  communities: string[],
  scope: IdempotencyScope,
  now: Date,
  confirmedAt: Date,
): Promise<Delivered> {
  if (communities.length === 0) throw forbidden();
  const scopeIn = inList('c', communities);
  const deliveredAt = confirmedAt.toISOString();
  const body: Delivered = { orderId, status: 'delivered', deliveredAt };
  const tagged: Tagged[] = [
    {
      tag: { kind: 'order' },
      item: {
        Update: {
          TableName: table(),
          Key: orderKey(orderId),
          UpdateExpression: 'SET #s = :delivered, deliveredAt = :at, timeline = list_append(timeline, :entry)',
          ConditionExpression: `#s IN (:prepared, :out) AND pickupCode = :code AND communityId IN ${scopeIn.expr} AND ${NOT_LOCKED} AND ${READY_BEFORE}`,
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
          },
        },
      },
    },
    { tag: { kind: 'idempotency' }, item: idempotencyPut(scope, 200, body, now) },
  ];
  try {
    const { replay } = await commit(tagged, now, scope);
    if (replay) return replayed(replay);
    metric('GroceryDeliveries');
    return body;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'TRY_AGAIN') throw err;
    return explainRefusal(orderId, code, communities, scope, now, err, deliveredAt);
  }
}

/** Why the confirmation did not apply; a wrong code is counted (once per Idempotency-Key). */
async function explainRefusal(
  orderId: string,
  code: string,
  communities: string[],
  scope: IdempotencyScope,
  now: Date,
  original: AppError,
  deliveredAt: string,
): Promise<Delivered> {
  // Each round sees a higher count than the last, and the order locks after MAX_CODE_FAILS.
  for (let round = 0; round <= MAX_CODE_FAILS + 2; round++) {
    const stored = await storedReply(scope);
    if (stored) return replayed(stored);
    const order = await getOrder(orderId);
    if (!order) throw notFound('没有这笔订单');
    if (!communities.includes(order.communityId)) throw forbidden('这不是您负责社区的订单');
    if (order.status === 'delivered') throw conflict('这笔订单已经确认送达了');
    if (!nextStatus(order.status, 'deliver')) {
      throw conflict(`订单${ORDER_STATUS_LABELS[order.status]}，还不能确认送达`);
    }
    const locked = codeLockMinutes(order, now);
    if (locked > 0) throw new AppError('RATE_LIMITED', lockedMessage(order.codeFails ?? 0, locked));
    if (order.readyAt && order.readyAt > deliveredAt) throw new AppError('UNPROCESSABLE', BEFORE_READY_MESSAGE);
    if (order.pickupCode === code) throw original;
    const counted = await countWrongCode(order, code, scope, now);
    if (counted === true) throw new AppError('UNPROCESSABLE', wrongCodeMessage((order.codeFails ?? 0) + 1));
    if (counted) return counted;
  }
  throw original;
}

/**
 * Adds one wrong code to the order's count, conditional on the count it was read with (so
 * concurrent wrong codes are each counted exactly once, and none past the lock), together with
 * the refusal as this key's idempotency record. False when the order changed meanwhile; the
 * earlier answer when a request with the same key got there first.
 */
async function countWrongCode(
  order: OrderItem,
  code: string,
  scope: IdempotencyScope,
  now: Date,
): Promise<boolean | Delivered> {
  const seen = order.codeFails ?? 0;
  const refusal = { error: { code: 'UNPROCESSABLE', message: wrongCodeMessage(seen + 1) } };
  try {
    const { replay } = await commit(
      [
        {
          tag: { kind: 'order' },
          item: {
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
        },
        { tag: { kind: 'idempotency' }, item: idempotencyPut(scope, 422, refusal, now) },
      ],
      now,
      scope,
    );
    // A request with the same key got there first: its answer.
    return replay ? replayed(replay) : true;
  } catch (err) {
    if (err instanceof AppError && err.code === 'TRY_AGAIN') return false;
    throw err;
  }
}
