import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, transactionReasons } from './dynamo';
import { requireEnv } from './env';
import { AppError } from './errors';
import { Reply } from './http';

/**
 * Retries with the same Idempotency-Key never do anything twice. The record of a request is a
 * Put in the same TransactWriteItems as the effect itself, conditional on the record not
 * existing: the first request commits both; a retry (even a concurrent one) fails that
 * condition and gets the stored response back. The normal path costs no extra request.
 */
const KEY_FORMAT = /^[A-Za-z0-9_-]{8,64}$/;
const RECORD_TTL_SECONDS = 24 * 3600;

const table = () => requireEnv('TABLE_IDEMPOTENCY');

export interface IdempotencyScope {
  /** Who is asking: keys are per user. */
  userId: string;
  /** What is being done, e.g. `grocery.checkout`. */
  operation: string;
  /** The client's key. */
  key: string;
  /** Hash of the request body: the same key with a different body is refused. */
  fingerprint: string;
}

/** Reads and checks the Idempotency-Key header; undefined when absent and not `required`. */
export function idempotencyKey(headers: Record<string, string>, required: boolean): string | undefined {
  const key = headers['idempotency-key'];
  if (key === undefined) {
    if (required) throw new AppError('BAD_REQUEST', '缺少 Idempotency-Key 请求头');
    return undefined;
  }
  if (!KEY_FORMAT.test(key)) throw new AppError('BAD_REQUEST', 'Idempotency-Key 应为 8 到 64 位字母、数字、- 或 _');
  return key;
}

export function fingerprint(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('base64url');
}

const recordKey = (s: IdempotencyScope) => ({ pk: `${s.userId}#${s.operation}#${s.key}` });

/** The Put to add to the effect's transaction, storing the response the request will give. */
export function idempotencyPut(scope: IdempotencyScope, status: number, body: unknown, now = new Date()) {
  return {
    Put: {
      TableName: table(),
      Item: {
        ...recordKey(scope),
        fingerprint: scope.fingerprint,
        status,
        body: JSON.stringify(body),
        createdAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + RECORD_TTL_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The stored response of an earlier request with this key, or undefined. */
export async function storedReply(scope: IdempotencyScope): Promise<Reply<unknown> | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: recordKey(scope), ConsistentRead: true }));
  const item = out.Item;
  if (!item || (typeof item.expiresAt === 'number' && item.expiresAt * 1000 < Date.now())) return undefined;
  if (item.fingerprint !== scope.fingerprint) {
    throw new AppError('CONFLICT', '同一个 Idempotency-Key 已用于另一笔不同的请求');
  }
  return new Reply(Number(item.status), JSON.parse(String(item.body)));
}

/**
 * When a transaction that carried the idempotency Put at `index` was cancelled because that
 * record already exists, returns the stored reply; otherwise undefined (the caller maps the
 * other reasons).
 */
export async function replayIfDuplicate(err: unknown, index: number, scope: IdempotencyScope | undefined) {
  if (!scope) return undefined;
  const reasons = transactionReasons(err);
  if (reasons?.[index] !== 'ConditionalCheckFailed') return undefined;
  return storedReply(scope);
}
