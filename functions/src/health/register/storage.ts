import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { maskIdNumber, maskName, maskPhone } from '@citycare/contract';
import { directoryKey } from '../../auth/keys';
import { finderAdd } from '../../auth/storage';
import { cancellationReasons, db, transact, type TransactItem } from '../../lib/dynamo';
import { directoryTable } from '../../lib/env';
import { AppError, conflict } from '../../lib/errors';
import { healthConfig } from '../config';
import type { NewResident, ProfileItem } from '../items';
import { codePointerKey, idHashKey, profileKey, residentPointerKey, selfKey } from '../keys';
import { initialStatus } from '../status';
import { getProfile } from '../storage';
import { healthTable } from '../table';

/**
 * Registration: the one write that creates a resident, its pointers and its uniqueness record;
 * and its undoing for a family member.
 */

/** An opaque random id: `r...` for residents, `c...` for QR subjects, `a...` for appeals. */
export const newId = (prefix: string) => prefix + randomBytes(12).toString('base64url');

/** A new resident's profile (green, version 1), with fresh resident and code ids. */
export function buildProfile(ownerId: string, r: NewResident, now: string): ProfileItem {
  const residentId = newId('r');
  const codeId = newId('c');
  return {
    ...profileKey(ownerId, residentId),
    residentId,
    ownerId,
    relation: r.relation,
    maskedName: maskName(r.name),
    idMasked: maskIdNumber(r.idNumber),
    idHash: r.idHash,
    phoneMasked: r.phone ? maskPhone(r.phone) : undefined,
    proxyName: r.proxyName,
    community: r.community,
    codeId,
    colour: 'green',
    state: initialStatus(now),
    version: 1,
    createdAt: now,
    ...r.consent,
  };
}

export type Registration =
  | { kind: 'registered'; profile: ProfileItem; created: boolean }
  /** The ID number is held by another account (or by this one under another relation). */
  | { kind: 'taken'; holder: { residentId: string; ownerId: string } };

/**
 * Registers a resident (the owner themself, or a family member they add) in one transaction:
 * the profile, its pointers and the uniqueness record of the ID number; for the owner, the
 * one-per-user marker; for family, a check that the owner is registered. A retry of the same
 * registration gets the existing resident back; another user's ID number is refused.
 */
export async function register(ownerId: string, r: NewResident, now: string): Promise<Registration> {
  const profile = buildProfile(ownerId, r, now);
  const { residentId, codeId } = profile;
  const self = r.relation === 'self';
  const T = healthTable();
  const items: TransactItem[] = [
    self
      ? {
          Put: {
            TableName: T,
            Item: { ...selfKey(ownerId), residentId },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }
      : {
          // The owner is registered, and has room for one more family member (counted here).
          Update: {
            TableName: T,
            Key: selfKey(ownerId),
            UpdateExpression: 'ADD familyCount :one',
            ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(familyCount) OR familyCount < :max)',
            ExpressionAttributeValues: { ':one': 1, ':max': healthConfig().maxFamilyMembers },
          },
        },
    { Put: { TableName: T, Item: { ...profile, fullName: r.name, phone: r.phone } } },
    {
      Put: {
        TableName: T,
        Item: { ...idHashKey(r.idHash), residentId, ownerId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    { Put: { TableName: T, Item: { ...residentPointerKey(residentId), ownerId, codeId } } },
    { Put: { TableName: T, Item: { ...codePointerKey(codeId), residentId, ownerId } } },
    {
      ConditionCheck: {
        TableName: directoryTable(),
        Key: directoryKey('community', r.community),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    // Last, so the refusals above keep their places.
    ...(self && r.finder ? [finderAdd(r.finder, ownerId)] : []),
  ];
  try {
    await transact(items);
    return { kind: 'registered', profile, created: true };
  } catch (err) {
    const reasons = cancellationReasons(err)?.map((r) => r.code);
    if (!reasons) throw err;
    const holder = await idHolder(r.idHash);
    const again = holder?.ownerId === ownerId ? await getProfile(ownerId, holder.residentId) : undefined;
    if (again && (again.relation === 'self') === self) return { kind: 'registered', profile: again, created: false };
    if (reasons[0] === 'ConditionalCheckFailed') {
      if (self) throw conflict('您已经登记过健康码，无需重复登记');
      throw (await isRegistered(ownerId))
        ? conflict(`每个账号最多代办 ${healthConfig().maxFamilyMembers} 位家人；请先移除不再代办的家人`)
        : conflict('请先为自己登记健康码，再添加家人');
    }
    if (reasons[2] === 'ConditionalCheckFailed') {
      if (holder?.ownerId === ownerId) throw conflict('该身份证号已在您的账号中登记');
      if (holder) return { kind: 'taken', holder };
      throw conflict('登记正在变化，请稍后再试');
    }
    if (reasons[5] === 'ConditionalCheckFailed') {
      throw new AppError('VALIDATION_FAILED', '所选社区不存在', [{ path: 'community', message: '社区不存在' }]);
    }
    throw err;
  }
}

async function isRegistered(ownerId: string): Promise<boolean> {
  const out = await db().send(
    new GetCommand({ TableName: healthTable(), Key: selfKey(ownerId), ConsistentRead: true }),
  );
  return !!out.Item;
}

/**
 * Removes a family member: their profile, pointer and the uniqueness record of their ID number
 * (so it can be registered again), and gives the household its place back; in one transaction.
 * False when the member is already gone.
 */
export async function removeFamily(p: ProfileItem): Promise<boolean> {
  const T = healthTable();
  const items: TransactItem[] = [
    {
      Delete: {
        TableName: T,
        Key: profileKey(p.ownerId, p.residentId),
        ConditionExpression: 'attribute_exists(pk) AND relation <> :self',
        ExpressionAttributeValues: { ':self': 'self' },
      },
    },
    {
      Delete: {
        TableName: T,
        Key: idHashKey(p.idHash),
        ConditionExpression: 'residentId = :r',
        ExpressionAttributeValues: { ':r': p.residentId },
      },
    },
    { Delete: { TableName: T, Key: residentPointerKey(p.residentId) } },
    {
      Update: {
        TableName: T,
        Key: selfKey(p.ownerId),
        UpdateExpression: 'ADD familyCount :minus',
        ConditionExpression: 'familyCount > :zero',
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
      },
    },
  ];
  for (const batch of [items, items.slice(0, 3)]) {
    try {
      await transact(batch);
      return true;
    } catch (err) {
      const reasons = cancellationReasons(err)?.map((r) => r.code);
      if (reasons?.[0] === 'ConditionalCheckFailed' || reasons?.[1] === 'ConditionalCheckFailed') return false;
      // A member added before the household counted its members: nothing to give back.
      if (reasons?.[3] !== 'ConditionalCheckFailed') throw err;
    }
  }
  return false;
}

/** Who holds an ID number now. */
async function idHolder(idHash: string): Promise<{ residentId: string; ownerId: string } | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: healthTable(), Key: idHashKey(idHash), ConsistentRead: true }),
  );
  return out.Item ? { residentId: String(out.Item.residentId), ownerId: String(out.Item.ownerId) } : undefined;
}
