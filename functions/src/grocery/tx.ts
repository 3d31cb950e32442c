import { BatchGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../lib/dynamo';
import { AppError } from '../lib/errors';
import type { Reply } from '../lib/http';
import { storedReply, type IdempotencyScope } from '../lib/idempotency';
import type { TransactItem } from '../payments/provider';
import { explainCancellation, isRetryableError, TRY_AGAIN_MESSAGE, type Reason, type Tag } from './refusals';

/** Runs the grocery domain's transactions and turns their cancellations into clear answers. */

type AttributeValue = { S?: string; N?: string; BOOL?: boolean; NULL?: boolean };

/** The few plain values a refusal message needs, from a raw (unmarshalled) DynamoDB item. */
export function plainItem(raw: Record<string, AttributeValue> | undefined): Record<string, unknown> | undefined {
  if (!raw) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v.S !== undefined) out[k] = v.S;
    else if (v.N !== undefined) out[k] = Number(v.N);
    else if (v.BOOL !== undefined) out[k] = v.BOOL;
  }
  return out;
}

export interface Tagged {
  item: TransactItem;
  tag: Tag;
}

/**
 * Commits every item or none. A cancelled transaction becomes an AppError naming what failed
 * (which item is out of stock, a full slot, a household limit), or, when the idempotency
 * record already exists, the reply the first request got.
 */
export async function commit(
  tagged: Tagged[],
  now: Date,
  scope?: IdempotencyScope,
): Promise<{ replay?: Reply<unknown> }> {
  if (tagged.length > 100) throw new AppError('BAD_REQUEST', '一次提交的内容太多，请分成几次');
  try {
    await db().send(new TransactWriteCommand({ TransactItems: tagged.map((t) => t.item) }));
    return {};
  } catch (err) {
    if (isRetryableError(err)) throw new AppError('TRY_AGAIN', TRY_AGAIN_MESSAGE);
    const e = err as {
      name?: string;
      CancellationReasons?: { Code?: string; Item?: Record<string, AttributeValue> }[];
    };
    if (e?.name !== 'TransactionCanceledException') throw err;
    const reasons: Reason[] = (e.CancellationReasons ?? []).map((r) => ({
      code: r.Code ?? 'None',
      old: plainItem(r.Item),
    }));
    const refusal = explainCancellation(
      reasons,
      tagged.map((t) => t.tag),
      now,
    );
    if ('replay' in refusal) {
      const stored = scope ? await storedReply(scope) : undefined;
      if (stored) return { replay: stored };
      throw new AppError('TRY_AGAIN', TRY_AGAIN_MESSAGE);
    }
    throw new AppError(refusal.code, refusal.message);
  }
}

/** Reads many items of one or more tables in as few requests as DynamoDB allows. */
export async function batchGet(
  requests: Record<string, Record<string, string>[]>,
): Promise<Record<string, Record<string, unknown>[]>> {
  const result: Record<string, Record<string, unknown>[]> = Object.fromEntries(
    Object.keys(requests).map((t) => [t, []]),
  );
  let pending: Record<string, { Keys: Record<string, string>[]; ConsistentRead: boolean }> = Object.fromEntries(
    Object.entries(requests)
      .filter(([, keys]) => keys.length > 0)
      .map(([t, keys]) => [t, { Keys: keys, ConsistentRead: true }]),
  );
  for (let attempt = 0; Object.keys(pending).length > 0; attempt++) {
    if (attempt > 5) throw new AppError('TRY_AGAIN', TRY_AGAIN_MESSAGE);
    if (attempt > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    const out = await db().send(new BatchGetCommand({ RequestItems: pending }));
    for (const [t, items] of Object.entries(out.Responses ?? {})) (result[t] ??= []).push(...items);
    pending = (out.UnprocessedKeys ?? {}) as typeof pending;
  }
  return result;
}
