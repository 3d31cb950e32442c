import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { CONFLICT, db, queryAll, transact, TransactionCancelled, type TransactItem } from '../lib/dynamo';
import type { ProfileItem } from './items';
import { healthConfig } from './config';
import {
  auditRowKey,
  householdPk,
  idHashKey,
  profileKey,
  PROFILE_PREFIX,
  residentPointerKey,
  statusListKey,
} from './keys';
import type { HealthState, Transition } from './status';
import { healthTable } from './table';

/**
 * Storage every use case shares: reading residents, and writing a new status with its row in
 * the resident's audit trail. Each use case's own writes are in its folder's storage.ts.
 */

/** The residents an account looks after: itself first, then family members in the order added. */
export async function householdProfiles(ownerId: string): Promise<ProfileItem[]> {
  const items = await queryAll<ProfileItem>({
    TableName: healthTable(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': householdPk(ownerId), ':p': PROFILE_PREFIX },
    ConsistentRead: true,
  });
  return items.sort((a, b) =>
    a.relation === 'self' ? -1 : b.relation === 'self' ? 1 : a.createdAt.localeCompare(b.createdAt),
  );
}

/** The colours of an account's residents (other domains ask through public.ts). */
export async function householdColours(ownerId: string): Promise<string[]> {
  const items = await queryAll({
    TableName: healthTable(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': householdPk(ownerId), ':p': PROFILE_PREFIX },
    ProjectionExpression: 'colour',
    ConsistentRead: true,
  });
  return items.map((i) => String(i.colour));
}

export async function getProfile(ownerId: string, residentId: string): Promise<ProfileItem | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: healthTable(), Key: profileKey(ownerId, residentId), ConsistentRead: true }),
  );
  return out.Item as ProfileItem | undefined;
}

/** Any resident's profile, by id (officials): pointer, then profile. */
export async function profileById(residentId: string): Promise<ProfileItem | undefined> {
  const out = await db().send(new GetCommand({ TableName: healthTable(), Key: residentPointerKey(residentId) }));
  return out.Item ? getProfile(String(out.Item.ownerId), residentId) : undefined;
}

export async function residentIdByIdHash(idHash: string): Promise<string | undefined> {
  const out = await db().send(new GetCommand({ TableName: healthTable(), Key: idHashKey(idHash) }));
  return out.Item ? String(out.Item.residentId) : undefined;
}

/** Optimistic write of a new state: its condition fails when someone else changed it first. */
export function stateUpdate(p: ProfileItem, state: HealthState, now: string): TransactItem {
  return {
    Update: {
      TableName: healthTable(),
      Key: profileKey(p.ownerId, p.residentId),
      UpdateExpression: 'SET #state = :s, colour = :c, version = :next, updatedAt = :now',
      ConditionExpression: 'version = :v',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: {
        ':s': state,
        ':c': state.colour,
        ':v': p.version,
        ':next': p.version + 1,
        ':now': now,
      },
    },
  };
}

/** A colour change in the resident's own audit trail (the history they are shown). */
export function statusChangePut(
  p: ProfileItem,
  change: Transition,
  by: 'rule' | 'official',
  at: string,
  actorId?: string,
): TransactItem {
  return {
    Put: {
      TableName: healthTable(),
      Item: {
        ...auditRowKey(p.ownerId, p.residentId, at, randomBytes(4).toString('hex')),
        at,
        ...change,
        by,
        actorId,
      },
    },
  };
}

/**
 * A colour change in the public status list (GET /health/status-list): only the code id and the
 * time, kept as long as the longest-lived code (a paper code), then expired. Written in the same
 * transaction as the change, after its other items.
 */
export function statusListPut(codeId: string, at: string): TransactItem {
  const expiresAt = Math.floor(Date.parse(at) / 1000) + healthConfig().paperCodeDays * 86400;
  return { Put: { TableName: healthTable(), Item: { ...statusListKey(at, codeId), codeId, at, expiresAt } } };
}

/**
 * Commits a state change whose first item is stateUpdate: CONFLICT when only that item's
 * condition failed (the state changed since it was read: read again); other refusals are thrown.
 */
export async function commitState(items: TransactItem[]): Promise<true | typeof CONFLICT> {
  try {
    await transact(items);
    return true;
  } catch (err) {
    if (!(err instanceof TransactionCancelled)) throw err;
    const [first, ...rest] = err.reasons.map((r) => r.code);
    if (first === 'ConditionalCheckFailed' && rest.every((r) => r === 'None')) return CONFLICT;
    throw err;
  }
}

/** The saved profile after a state change: the new state, one version on. */
export const withState = (p: ProfileItem, state: HealthState): ProfileItem => ({
  ...p,
  state,
  colour: state.colour,
  version: p.version + 1,
});
