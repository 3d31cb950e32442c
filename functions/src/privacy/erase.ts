import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { personFinder } from '../auth/finder';
import { userKey } from '../auth/keys';
import { finderRemove } from '../auth/storage';
import { groceryConfig } from '../grocery/config';
import { OPEN_APPEALS, OPEN_DISPUTES, codePointerKey, idHashKey, residentPointerKey } from '../health/keys';
import { healthTable, scansTable } from '../health/table';
import { TRANSACT_MAX, db, queryAll, transact, type TransactItem } from '../lib/dynamo';
import { auditTable, usersTable } from '../lib/env';
import { serviceTable } from '../service/table';
import { utilityTable } from '../utility/table';
import type { Retention } from './config';
import type { Held } from './rules';
import { healthHeld, readsOf } from './storage';

/**
 * 注销: deletes what CityCare holds about an account at once; anonymises what must be kept
 * (orders, repair requests) and gives it, and the officials' reads, an expiry (DynamoDB TTL).
 */

type Row = Record<string, unknown>;
const GONE = 'deregistered';
const keyOf = (r: Row) => ({ pk: r.pk, sk: r.sk });
const del = (TableName: string, Key: Record<string, unknown>): TransactItem => ({ Delete: { TableName, Key } });
const expiry = (now: Date, days: number) => Math.floor(now.getTime() / 1000) + days * 86400;

/** Deletes in transactions of at most TRANSACT_MAX items; returns how many. */
async function deleteAll(items: TransactItem[]): Promise<number> {
  for (let i = 0; i < items.length; i += TRANSACT_MAX) await transact(items.slice(i, i + TRANSACT_MAX));
  return items.length;
}

/** The open queue items (appeals, disputes) an account's residents left behind. */
async function queueItems(userId: string, residentIds: Set<string>): Promise<TransactItem[]> {
  const [appeals, disputes] = await Promise.all(
    [OPEN_APPEALS, OPEN_DISPUTES].map((pk) =>
      queryAll<Row>({
        TableName: healthTable(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
      }),
    ),
  );
  return [
    ...appeals!.filter((a) => residentIds.has(String(a.residentId))),
    ...disputes!.filter((d) => d.claimantId === userId || d.holderOwnerId === userId),
  ].map((r) => del(healthTable(), keyOf(r)));
}

/**
 * The health code: each resident's profile, pointers and ID-number record go in one transaction
 * (the ID number is freed with the profile, never one without the other); then the rest of the
 * household partition, the scans of their codes and their open appeals and disputes. The
 * officials' reads of them stay, and expire.
 */
export async function eraseHealth(userId: string, now: Date, r: Retention): Promise<number> {
  const { household, scans } = await healthHeld(userId);
  const profiles = household.filter((p) => String(p.sk).startsWith('P#'));
  const T = healthTable();
  let n = 0;
  for (const p of profiles) {
    // The account holder's own profile keeps the full name and phone the person finder hashed.
    const finder =
      p.relation === 'self' && p.fullName && p.phone
        ? [finderRemove(await personFinder(String(p.fullName), String(p.phone).slice(-4)), userId)]
        : [];
    n += await deleteAll([
      del(T, keyOf(p)),
      del(T, residentPointerKey(String(p.residentId))),
      del(T, codePointerKey(String(p.codeId))),
      del(T, idHashKey(String(p.idHash))),
      ...finder,
    ]);
  }
  const residentIds = new Set(profiles.map((p) => String(p.residentId)));
  const rest = household.filter((i) => !String(i.sk).startsWith('P#')).map((i) => del(T, keyOf(i)));
  n += await deleteAll([
    ...rest,
    ...scans.map((s) => del(scansTable(), keyOf(s))),
    ...(await queueItems(userId, residentIds)),
  ]);
  await expireReads([...residentIds], now, r.auditDays);
  return n;
}

/** The officials' reads of these residents are kept for supervision, then expire. */
async function expireReads(residentIds: string[], now: Date, days: number) {
  const rows = (await Promise.all(residentIds.map(readsOf))).flat();
  for (const row of rows) {
    await db().send(
      new UpdateCommand({
        TableName: auditTable(),
        Key: keyOf(row),
        UpdateExpression: 'SET expiresAt = :e',
        ExpressionAttributeValues: { ':e': expiry(now, days) },
      }),
    );
  }
}

/** An order or repair request kept for its legal retention: nothing left that says whose it was. */
async function anonymise(TableName: string, row: Row, remove: string[], set: string[], expiresAt: number) {
  await db().send(
    new UpdateCommand({
      TableName,
      Key: keyOf(row),
      UpdateExpression: `SET ${[...set.map((a) => `#${a} = :gone`), 'expiresAt = :e'].join(', ')} REMOVE ${remove.map((a) => `#${a}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries([...remove, ...set].map((a) => [`#${a}`, a])),
      ExpressionAttributeValues: { ':gone': GONE, ':e': expiresAt },
    }),
  );
}

/** CityCare as a whole: the health code, then every other domain's items, then the account itself. */
export async function eraseAll(userId: string, held: Held, now: Date, r: Retention): Promise<number> {
  let n = await eraseHealth(userId, now, r);
  for (const o of held.orders) {
    await anonymise(
      groceryConfig.table,
      o,
      ['contact', 'address', 'gsi1pk', 'gsi1sk'],
      ['userId', 'household'],
      expiry(now, r.orderDays),
    );
  }
  for (const rep of held.repairs) {
    await anonymise(utilityTable(), rep, ['gsi2pk', 'gsi2sk'], ['householdId'], expiry(now, r.orderDays));
  }
  n += await deleteAll([
    ...held.utility.map((u) => del(utilityTable(), keyOf(u))),
    ...held.consultations.map((c) => del(serviceTable(), keyOf(c))),
    del(usersTable(), userKey(userId)),
  ]);
  return n;
}
