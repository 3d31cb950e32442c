import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client';

/** One item by its key, read consistently (a write just made is seen); undefined when there is none. */
export async function getItem<T>(TableName: string, Key: Record<string, unknown>): Promise<T | undefined> {
  const out = await db().send(new GetCommand({ TableName, Key, ConsistentRead: true }));
  return out.Item as T | undefined;
}
