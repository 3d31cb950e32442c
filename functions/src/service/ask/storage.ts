import { randomUUID } from 'node:crypto';
import { transact, TransactionCancelled } from '../../lib/dynamo';
import { AppError } from '../../lib/errors';
import { nothingWasDone } from '../../lib/faults';
import type { Reply } from '../../lib/http';
import { idempotencyPut, storedReply, type IdempotencyScope } from '../../lib/idempotency';
import type { ConsultationItem } from '../items';
import { serviceTable } from '../table';

const TRY_AGAIN = '提交没有成功，请再试一次';

export const newConsultationId = () => `c${randomUUID().replace(/-/g, '').slice(0, 20)}`;

/**
 * Stores the new consultation and the request's idempotency record in one transaction: a retry
 * with the same key (even a concurrent one) gets the first answer, and nothing is stored twice.
 */
export async function saveNew<T>(
  item: ConsultationItem,
  scope: IdempotencyScope,
  reply: Reply<T>,
): Promise<{ reply: Reply<T>; replayed: boolean }> {
  try {
    await transact([
      {
        Put: { TableName: serviceTable(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
      },
      // The record's own lifetime runs on real time, as storedReply reads it.
      idempotencyPut(scope, reply.status, reply.body),
    ]);
    return { reply, replayed: false };
  } catch (err) {
    if (err instanceof TransactionCancelled && err.reasons[1]?.code === 'ConditionalCheckFailed') {
      const stored = await storedReply(scope);
      if (stored) return { reply: stored as Reply<T>, replayed: true };
    }
    if (err instanceof TransactionCancelled || nothingWasDone(err)) throw new AppError('TRY_AGAIN', TRY_AGAIN);
    throw err;
  }
}
