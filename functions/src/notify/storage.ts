import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { NotifyTopic } from '@citycare/contract';
import { getOpenid } from '../auth/storage';
import { userKey } from '../auth/keys';
import { db, isConditionFailure, transact, TransactionCancelled } from '../lib/dynamo';
import { requireEnv, usersTable } from '../lib/env';
import { MAX_CREDITS } from './rules';

/**
 * Subscriptions and sends. A user's unused accepts are counters on their user item
 * (`notify_<topic>`), so deregistering the user removes them too. Each change record's send is
 * claimed once: a marker in the idempotency table (by the stream record's event id, 2 days TTL)
 * is written in the same transaction that takes one credit, so a retried batch never takes two
 * credits or sends a message twice once it is marked sent.
 */
const creditAttr = (topic: NotifyTopic) => `notify_${topic}`;
const markerTable = () => requireEnv('TABLE_IDEMPOTENCY');
const markerKey = (eventId: string) => ({ pk: `notify#${eventId}` });
const MARKER_TTL_SECONDS = 2 * 24 * 3600;

/** Adds one credit per accepted topic (each capped at MAX_CREDITS); returns the user's credits. */
export async function addCredits(userId: string, topics: NotifyTopic[]): Promise<Record<string, number>> {
  for (const topic of topics) {
    try {
      await db().send(
        new UpdateCommand({
          TableName: usersTable(),
          Key: userKey(userId),
          UpdateExpression: 'ADD #c :one',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#c) OR #c < :max)',
          ExpressionAttributeNames: { '#c': creditAttr(topic) },
          ExpressionAttributeValues: { ':one': 1, ':max': MAX_CREDITS },
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }
  return credits(userId);
}

export async function credits(userId: string): Promise<Record<string, number>> {
  const out = await db().send(new GetCommand({ TableName: usersTable(), Key: userKey(userId), ConsistentRead: true }));
  const item = (out.Item ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(item)
      .filter(([k, val]) => k.startsWith('notify_') && typeof val === 'number')
      .map(([k, val]) => [k.slice('notify_'.length), val as number]),
  );
}

export type Claim = 'claimed' | 'done' | 'no-credit';

/** Takes one of the user's credits for this change record, once; `done` when already sent or dropped. */
export async function claim(eventId: string, userId: string, topic: NotifyTopic, nowMs: number): Promise<Claim> {
  try {
    await transact([
      {
        Put: {
          TableName: markerTable(),
          Item: { ...markerKey(eventId), state: 'claimed', expiresAt: Math.floor(nowMs / 1000) + MARKER_TTL_SECONDS },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: usersTable(),
          Key: userKey(userId),
          UpdateExpression: 'ADD #c :minus',
          ConditionExpression: '#c > :zero',
          ExpressionAttributeNames: { '#c': creditAttr(topic) },
          ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
        },
      },
    ]);
    return 'claimed';
  } catch (err) {
    if (!(err instanceof TransactionCancelled)) throw err;
    if (err.reasons[0]?.code === 'ConditionalCheckFailed') {
      const out = await db().send(
        new GetCommand({ TableName: markerTable(), Key: markerKey(eventId), ConsistentRead: true }),
      );
      return (out.Item as { state?: string } | undefined)?.state === 'claimed' ? 'claimed' : 'done';
    }
    if (err.reasons[1]?.code === 'ConditionalCheckFailed') return 'no-credit';
    throw err;
  }
}

/** Marks a claimed send finished: `sent`, or `dropped` when WeChat says the user did not subscribe. */
export async function finish(eventId: string, state: 'sent' | 'dropped'): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: markerTable(),
      Key: markerKey(eventId),
      UpdateExpression: 'SET #s = :s',
      ExpressionAttributeNames: { '#s': 'state' },
      ExpressionAttributeValues: { ':s': state },
    }),
  );
}

export { getOpenid };
