import { randomBytes } from 'node:crypto';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { HealthColour, ScanReason } from '@citycare/contract';
import { auditKey, directoryKey } from '../auth/keys';
import { db, isConditionFailure, transactionReasons } from '../lib/dynamo';
import { auditTable, directoryTable } from '../lib/env';
import { expiresAt } from './config';
import { codeGsiPk, codePointerKey, placePartitions, scanKey } from './keys';
import { healthTable, scansTable } from './table';

/** The only code that reads and writes scan, visit and outsider records (all expire after 28 days). */

export interface Place {
  id: string;
  name: string;
  kind: string;
}

const PLACE_CACHE_MS = 5 * 60 * 1000;
const placeCache = new Map<string, { place: Place | undefined; until: number }>();

/** A place of the directory; cached for a few minutes per container (places rarely change). */
export async function getPlace(placeId: string): Promise<Place | undefined> {
  const hit = placeCache.get(placeId);
  if (hit && hit.until > Date.now()) return hit.place;
  const out = await db().send(new GetCommand({ TableName: directoryTable(), Key: directoryKey('place', placeId) }));
  const place = out.Item ? { id: placeId, name: String(out.Item.name), kind: String(out.Item.kind) } : undefined;
  placeCache.set(placeId, { place, until: Date.now() + PLACE_CACHE_MS });
  return place;
}

export interface RecordItem {
  kind: 'scan' | 'visit' | 'outsider';
  id: string;
  at: string;
  placeId: string;
  placeName: string;
  /** The resident's QR subject; absent for outsiders and for codes that did not verify. */
  codeId?: string;
  colour?: HealthColour;
  maskedName: string;
  result: 'pass' | 'stop';
  reason?: ScanReason;
  /** What the scanner showed (audit only; `result` and `reason` are the server's). */
  clientResult?: 'pass' | 'stop';
  clientReason?: ScanReason;
  temperature?: number;
  recordedBy: string;
  /** Outsiders only. */
  outsider?: { fullName: string; phone: string; phoneMasked: string; origin: string; reason: string; decision: string };
}

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
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: T,
                Item: { pk: `ID#${r.kind}#${r.id}`, sk: 'ID', expiresAt: ttl },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: T, Item: item } },
          ],
        }),
      );
    } else {
      await db().send(new PutCommand({ TableName: T, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    }
    return true;
  } catch (err) {
    if (isConditionFailure(err) || transactionReasons(err)?.[0] === 'ConditionalCheckFailed') return false;
    throw err;
  }
}

export type StoredRecord = RecordItem & { gpk?: string; expiresAt: number };

async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<StoredRecord[]> {
  const items: StoredRecord[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...((out.Items ?? []) as StoredRecord[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * Everything recorded at a place between `from` and `to`: one Query per day bucket and shard,
 * in parallel; rows past their expiry are ignored (TTL deletion can lag).
 */
export async function recordsAtPlace(placeId: string, from: string, to: string, now: string, kind?: string) {
  const nowSec = Math.floor(Date.parse(now) / 1000);
  const lists = await Promise.all(
    placePartitions(placeId, from, to).map((pk) =>
      queryAll({
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
  const items = await queryAll({
    TableName: scansTable(),
    IndexName: 'byCode',
    KeyConditionExpression: 'gpk = :g AND gsk >= :from',
    FilterExpression: 'expiresAt > :now',
    ExpressionAttributeValues: { ':g': codeGsiPk(codeId), ':from': from, ':now': Math.floor(Date.parse(now) / 1000) },
    ScanIndexForward: false,
  });
  return items;
}

/** Records who traced what and why, before the answer is given. Returns the audit id. */
export async function auditTrace(officialId: string, what: Record<string, string>, reason: string, now: string) {
  const nonce = randomBytes(6).toString('base64url');
  await db().send(
    new PutCommand({
      TableName: auditTable(),
      Item: {
        ...auditKey('HEALTH#TRACE', new Date(now), officialId, nonce),
        action: `health.trace.${what.placeId ? 'place' : 'resident'}`,
        actorId: officialId,
        ...what,
        reason,
        at: now,
      },
    }),
  );
  return nonce;
}

/** The residents behind QR subjects (officials' tracing links rows to residents). */
export async function residentsOfCodes(codeIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(codeIds)];
  const T = healthTable();
  for (let i = 0; i < unique.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map(codePointerKey);
    while (keys?.length) {
      const res: BatchGetCommandOutput = await db().send(
        new BatchGetCommand({ RequestItems: { [T]: { Keys: keys } } }),
      );
      for (const item of res.Responses?.[T] ?? [])
        out.set(String(item.pk).slice('CODE#'.length), String(item.residentId));
      keys = res.UnprocessedKeys?.[T]?.Keys;
    }
  }
  return out;
}
