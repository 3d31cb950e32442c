import { paginateQuery, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client';

/**
 * Every item a Query matches, page after page (the SDK's paginator follows LastEvaluatedKey).
 * `max` stops early once that many items are in hand; the result never holds more than `max`.
 */
export async function queryAll<T = Record<string, unknown>>(
  input: QueryCommandInput,
  options: { max?: number } = {},
): Promise<T[]> {
  const items: T[] = [];
  for await (const page of paginateQuery({ client: db() }, input)) {
    items.push(...((page.Items ?? []) as T[]));
    if (options.max !== undefined && items.length >= options.max) return items.slice(0, options.max);
  }
  return items;
}

/** How many items a Query matches (Select COUNT over every page). */
export async function countAll(input: QueryCommandInput): Promise<number> {
  let n = 0;
  for await (const page of paginateQuery({ client: db() }, { ...input, Select: 'COUNT' })) n += page.Count ?? 0;
  return n;
}

/** One page of a Query: its items and the key to start the next page from. */
export async function queryPage<T = Record<string, unknown>>(
  input: QueryCommandInput,
): Promise<{ items: T[]; last?: Record<string, unknown> }> {
  const out = await db().send(new QueryCommand(input));
  return { items: (out.Items ?? []) as T[], last: out.LastEvaluatedKey };
}
