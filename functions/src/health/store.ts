import { randomBytes } from 'node:crypto';
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { HealthColour, Relation, RiskArea } from '@citycare/contract';
import { db, transactionReasons } from '../lib/dynamo';
import { conflict } from '../lib/errors';
import { expiresAt } from './config';
import {
  auditRowKey,
  declarationKey,
  householdPk,
  idHashKey,
  profileKey,
  PROFILE_PREFIX,
  residentPointerKey,
  rulesKey,
} from './keys';
import type { HealthState, Transition } from './rules';
import { closeAppealItems } from './store-appeals';
import { healthTable } from './table';

/** The only code that reads and writes residents, their status, declarations and audit trail. */

export interface ProfileItem {
  pk: string;
  sk: string;
  residentId: string;
  ownerId: string;
  relation: Relation;
  maskedName: string;
  idMasked: string;
  idHash: string;
  phoneMasked?: string;
  /** A family member's: the masked name of the account holder who looks after them (代办人). */
  proxyName?: string;
  community: string;
  codeId: string;
  colour: HealthColour;
  state: HealthState;
  version: number;
  createdAt: string;
}

export interface NewResident {
  name: string;
  idNumber: string;
  idHash: string;
  phone?: string;
  community: string;
  relation: Relation;
  proxyName?: string;
}

export async function householdProfiles(ownerId: string): Promise<ProfileItem[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: healthTable(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': householdPk(ownerId), ':p': PROFILE_PREFIX },
      ConsistentRead: true,
    }),
  );
  const items = (out.Items ?? []) as ProfileItem[];
  return items.sort((a, b) =>
    a.relation === 'self' ? -1 : b.relation === 'self' ? 1 : a.createdAt.localeCompare(b.createdAt),
  );
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

interface StoredArea extends RiskArea {
  key: string;
}

/** An owner's resident and the current risk areas, in one request. */
export async function profileAndAreas(ownerId: string, residentId: string) {
  const T = healthTable();
  const out = await db().send(
    new BatchGetCommand({
      RequestItems: { [T]: { Keys: [profileKey(ownerId, residentId), rulesKey()], ConsistentRead: true } },
    }),
  );
  const items = out.Responses?.[T] ?? [];
  const profile = items.find((i) => i.sk === profileKey(ownerId, residentId).sk) as ProfileItem | undefined;
  const rules = items.find((i) => i.pk === rulesKey().pk);
  return { profile, riskAreas: areasOf(rules?.areas) };
}

export function areasOf(map: unknown): RiskArea[] {
  return Object.values((map ?? {}) as Record<string, StoredArea>)
    .map(({ region, note, since }) => ({ region, note, since }))
    .sort((a, b) => a.since.localeCompare(b.since) || a.region.localeCompare(b.region));
}

export interface DeclarationItem {
  date: string;
  at: string;
  temperature: number;
  symptoms: string[];
  travel: string[];
  contact: string;
  finding: string;
}

const auditPut = (p: ProfileItem, change: Transition, by: 'rule' | 'official', at: string, actorId?: string) => ({
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
});

/** Optimistic write of a new state: refused (false) when someone else changed it first. */
function stateUpdate(p: ProfileItem, state: HealthState, now: string) {
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

/**
 * Stores the day's declaration (replacing an earlier one of the same day), the new state and
 * the colour change, together. False when the state changed since it was read.
 */
export async function saveDeclaration(
  p: ProfileItem,
  d: DeclarationItem,
  state: HealthState,
  change: Transition | undefined,
): Promise<boolean> {
  const items = [
    stateUpdate(p, state, d.at),
    {
      Put: {
        TableName: healthTable(),
        Item: { ...declarationKey(p.ownerId, p.residentId, d.date), ...d, expiresAt: expiresAt(d.at) },
      },
    },
    ...(change ? [auditPut(p, change, 'rule', d.at)] : []),
  ];
  return commitState(items);
}

/** An official's status change, its audit row and (optionally) closing the appeal it answers. */
export async function saveOfficialChange(
  p: ProfileItem,
  state: HealthState,
  change: Transition,
  officialId: string,
  now: string,
  appeal?: { appealId: string; decision: string },
): Promise<boolean> {
  const items = [
    stateUpdate(p, state, now),
    auditPut(p, change, 'official', now, officialId),
    ...(appeal
      ? closeAppealItems(
          { appealId: appeal.appealId, residentId: p.residentId, ownerId: p.ownerId },
          'changed',
          appeal.decision,
          officialId,
          now,
        )
      : []),
  ];
  try {
    return await commitState(items);
  } catch (err) {
    if (transactionReasons(err)?.[2] === 'ConditionalCheckFailed') throw conflict('该纠错申请已处理或不属于此居民');
    throw err;
  }
}

async function commitState(items: object[]): Promise<boolean> {
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items as never }));
    return true;
  } catch (err) {
    const reasons = transactionReasons(err);
    if (reasons?.[0] === 'ConditionalCheckFailed' && reasons.slice(1).every((r) => r === 'None')) return false;
    throw err;
  }
}

async function queryPrefix(ownerId: string, prefix: string, limit: number, nowSec: number) {
  const out = await db().send(
    new QueryCommand({
      TableName: healthTable(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      FilterExpression: 'attribute_not_exists(expiresAt) OR expiresAt > :now',
      ExpressionAttributeValues: { ':pk': householdPk(ownerId), ':p': prefix, ':now': nowSec },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return out.Items ?? [];
}

/** A resident's latest status changes and declarations (newest first). */
export async function history(p: ProfileItem, now: string) {
  const nowSec = Math.floor(Date.parse(now) / 1000);
  const [audit, declarations] = await Promise.all([
    queryPrefix(p.ownerId, `A#${p.residentId}#`, 30, nowSec),
    queryPrefix(p.ownerId, `D#${p.residentId}#`, 14, nowSec),
  ]);
  return { audit, declarations: declarations as unknown as DeclarationItem[] };
}
