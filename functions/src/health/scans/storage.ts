import { PutCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons, db, isConditionFailure, queryAll, transact } from '../../lib/dynamo';
import { expiresAt } from '../config';
import type { RecordItem, StoredRecord } from '../items';
import { codeGsiPk, placePartitions, scanKey } from '../keys';
import { scansTable } from '../table';

/** The only code that reads and writes scan, visit and outsider records (all expire after 28 days). */

/**
 * Stores a record once. A scan's key comes from the scanner's id and time, so a retried upload
 * lands on the same key and is refused. Visits and outsiders are timed by the server, so they
 * also claim a marker of their client id in the same transaction.
 */
export async function putRecord(r: RecordItem, byClientId = false): Promise<boolean> {
  const { codeId, ...rest } = r;
  const T = scansTable();
  const ttl = expiresAt(r.at);
  const item = {
    ...scanKey(r.placeId, r.at, r.id),
    ...rest,
    ...(codeId ? { gpk: codeGsiPk(codeId), gsk: `${r.at}#${r.id}` } : {}),
    expiresAt: ttl,
  };
  try {
    if (byClientId) {
      await transact([
        {
          Put: {
            TableName: T,
            Item: { pk: `ID#${r.kind}#${r.id}`, sk: 'ID', expiresAt: ttl },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { Put: { TableName: T, Item: item } },
      ]);
    } else {
      await db().send(new PutCommand({ TableName: T, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    }
    return true;
  } catch (err) {
    if (isConditionFailure(err) || cancellationReasons(err)?.[0]?.code === 'ConditionalCheckFailed') return false;
    throw err;
  }
}

const records = (input: QueryCommandInput) => queryAll<StoredRecord>(input);

/**
 * Everything recorded at a place between `from` and `to`: one Query per day bucket and shard,
 * in parallel; rows past their expiry are ignored (TTL deletion can lag).
 */
export async function recordsAtPlace(placeId: string, from: string, to: string, now: string, kind?: string) {
  const nowSec = Math.floor(Date.parse(now) / 1000);
  const lists = await Promise.all(
    placePartitions(placeId, from, to).map((pk) =>
      records({
        TableName: scansTable(),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        FilterExpression: kind ? 'expiresAt > :now AND #kind = :kind' : 'expiresAt > :now',
        ExpressionAttributeValues: {
          ':pk': pk,
          ':from': from,
          ':to': `${to}\uffff`,
          ':now': nowSec,
          ...(kind ? { ':kind': kind } : {}),
        },
        ...(kind ? { ExpressionAttributeNames: { '#kind': 'kind' } } : {}),
      }),
    ),
  );
  return lists.flat().sort((a, b) => a.at.localeCompare(b.at));
}

/** A resident's scans and visits since `from`, newest first: one Query of the byCode index. */
export async function recordsOfCode(codeId: string, from: string, now: string): Promise<StoredRecord[]> {
  return records({
    TableName: scansTable(),
    IndexName: 'byCode',
    KeyConditionExpression: 'gpk = :g AND gsk >= :from',
    FilterExpression: 'expiresAt > :now',
    ExpressionAttributeValues: { ':g': codeGsiPk(codeId), ':from': from, ':now': Math.floor(Date.parse(now) / 1000) },
    ScanIndexForward: false,
  });
}
