import { transact } from '../../lib/dynamo';
import { idempotencyPut, replayIfDuplicate, storedReply, type IdempotencyScope } from '../../lib/idempotency';
import { auditReadPut } from '../audit/storage';
import { profileById, residentIdByIdHash } from '../storage';
import { idNumberHash } from '../tokens';

/** A paper code's reads and its one write: the print's audit row (with the idempotency record). */

/** The resident named by id, or by ID number (matched by its hash); undefined when unknown. */
export async function residentFor(ref: { residentId?: string; idNumber?: string }) {
  const residentId = ref.residentId ?? (ref.idNumber ? await residentIdByIdHash(await idNumberHash(ref.idNumber)) : '');
  return residentId ? profileById(residentId) : undefined;
}

/** An earlier answer to the same Idempotency-Key, or undefined. */
export const earlierPrint = (scope: IdempotencyScope | undefined) => (scope ? storedReply(scope) : undefined);

/**
 * Audits the print (who, for whom, 审计号) and, with an Idempotency-Key, keeps the answer in the
 * same transaction: a retry gets the same card and writes no second row. Returns the stored
 * answer of a concurrent twin when it won.
 */
export async function recordPrint<T>(
  actorId: string,
  residentId: string,
  now: string,
  scope: IdempotencyScope | undefined,
  answer: (auditId: string) => T,
): Promise<T> {
  const { nonce, put } = auditReadPut(actorId, { action: 'health.paper.print', residentId }, now);
  const body = answer(nonce);
  try {
    await transact([...(scope ? [idempotencyPut(scope, 200, body, new Date(now))] : []), { Put: put }]);
    return body;
  } catch (err) {
    const replay = await replayIfDuplicate(err, 0, scope);
    if (replay) return replay.body as T;
    throw err;
  }
}
