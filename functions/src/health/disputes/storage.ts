import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DisputeDecision, Relation } from '@citycare/contract';
import { auditPut, cancellationReasons, countAll, db, queryPage, transact, type TransactItem } from '../../lib/dynamo';
import { conflict } from '../../lib/errors';
import { healthConfig } from '../config';
import type { NewResident } from '../items';
import {
  codePointerKey,
  disputeKey,
  disputeMarkerKey as markerKey,
  idHashKey,
  OPEN_DISPUTES,
  profileKey,
  residentPointerKey,
  selfKey,
} from '../keys';
import { buildProfile } from '../register/storage';
import { getProfile } from '../storage';
import { healthTable } from '../table';

/**
 * Disputes over an ID number held by another account: filed by the claimant's registration, kept
 * in the officials' queue (one partition, oldest first) and resolved, audited, by keeping the
 * registration or moving the ID number (with its status) to the claimant.
 */

export interface DisputeItem {
  disputeId: string;
  idHash: string;
  idMasked: string;
  claimantId: string;
  claimantName: string;
  claimantFullName: string;
  claimantPhone?: string;
  claimantRelation: Relation;
  community: string;
  proxyName?: string;
  holderResidentId: string;
  holderOwnerId: string;
  holderName: string;
  createdAt: string;
}

/** Files the claim (or finds the one this claimant already filed for this ID number). */
export async function fileDispute(
  claimantId: string,
  r: NewResident,
  holder: { residentId: string; ownerId: string },
  now: string,
): Promise<DisputeItem> {
  const held = await getProfile(holder.ownerId, holder.residentId);
  const disputeId = `d${Date.parse(now).toString(36)}${randomBytes(5).toString('hex')}`;
  const profile = buildProfile(claimantId, r, now);
  const item: DisputeItem = {
    disputeId,
    idHash: r.idHash,
    idMasked: profile.idMasked,
    claimantId,
    claimantName: profile.maskedName,
    claimantFullName: r.name,
    claimantPhone: r.phone,
    claimantRelation: r.relation,
    community: r.community,
    proxyName: r.proxyName,
    holderResidentId: holder.residentId,
    holderOwnerId: holder.ownerId,
    holderName: held?.maskedName ?? '*',
    createdAt: now,
  };
  const T = healthTable();
  try {
    await transact([
      {
        Put: {
          TableName: T,
          Item: { ...markerKey(claimantId, r.idHash), disputeId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      { Put: { TableName: T, Item: { ...disputeKey(disputeId), ...item } } },
    ]);
    return item;
  } catch (err) {
    if (cancellationReasons(err)?.[0]?.code !== 'ConditionalCheckFailed') throw err;
    const marker = await db().send(
      new GetCommand({ TableName: T, Key: markerKey(claimantId, r.idHash), ConsistentRead: true }),
    );
    const open = marker.Item ? await getDispute(String(marker.Item.disputeId)) : undefined;
    if (!open) throw conflict('您的申领正在处理，请稍后再试');
    return open;
  }
}

export async function getDispute(disputeId: string): Promise<DisputeItem | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: healthTable(), Key: disputeKey(disputeId), ConsistentRead: true }),
  );
  return out.Item as DisputeItem | undefined;
}

/** One page of the open disputes, oldest first, and how many wait. */
export async function openDisputesPage(start: Record<string, unknown> | undefined, limit: number) {
  const query = {
    TableName: healthTable(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': OPEN_DISPUTES },
  };
  const [page, waiting] = await Promise.all([
    queryPage<DisputeItem>({ ...query, ExclusiveStartKey: start, Limit: limit }),
    countAll(query),
  ]);
  return { ...page, waiting };
}

/**
 * Resolves a dispute in one transaction with its audit row: `keep` leaves the registration as it
 * is; `move` gives the ID number to the claimant (a new resident with the holder's status, so a
 * red code cannot be shed by a dispute) and removes the holder's resident. 409 when the dispute
 * is already resolved or the registration changed meanwhile.
 */
export async function resolveDispute(
  d: DisputeItem,
  decision: DisputeDecision,
  reason: string,
  officialId: string,
  now: string,
): Promise<void> {
  const T = healthTable();
  const common: TransactItem[] = [
    { Delete: { TableName: T, Key: disputeKey(d.disputeId), ConditionExpression: 'attribute_exists(pk)' } },
    { Delete: { TableName: T, Key: markerKey(d.claimantId, d.idHash) } },
    auditPut('HEALTH#DISPUTES', new Date(now), officialId, {
      action: `health.dispute.${decision}`,
      disputeId: d.disputeId,
      claimantId: d.claimantId,
      fromResidentId: d.holderResidentId,
      reason,
    }),
  ];
  let items = common;
  if (decision === 'move') {
    const held = await getProfile(d.holderOwnerId, d.holderResidentId);
    if (!held) throw conflict('该身份证号的登记已变化，请刷新后重新核对');
    const base = buildProfile(
      d.claimantId,
      {
        name: d.claimantFullName,
        idNumber: '',
        idHash: d.idHash,
        phone: d.claimantPhone,
        community: d.community,
        relation: d.claimantRelation,
        proxyName: d.proxyName,
      },
      now,
    );
    const profile = { ...base, idMasked: d.idMasked, state: held.state, colour: held.colour };
    const claimantSelf = d.claimantRelation === 'self';
    items = [
      ...common,
      {
        Update: {
          TableName: T,
          Key: idHashKey(d.idHash),
          UpdateExpression: 'SET residentId = :new, ownerId = :owner',
          ConditionExpression: 'residentId = :old',
          ExpressionAttributeValues: { ':new': profile.residentId, ':owner': d.claimantId, ':old': held.residentId },
        },
      },
      { Delete: { TableName: T, Key: profileKey(held.ownerId, held.residentId) } },
      { Delete: { TableName: T, Key: residentPointerKey(held.residentId) } },
      held.relation === 'self'
        ? { Delete: { TableName: T, Key: selfKey(held.ownerId) } }
        : {
            Update: {
              TableName: T,
              Key: selfKey(held.ownerId),
              UpdateExpression: 'ADD familyCount :minus',
              ExpressionAttributeValues: { ':minus': -1 },
            },
          },
      { Put: { TableName: T, Item: { ...profile, fullName: d.claimantFullName, phone: d.claimantPhone } } },
      {
        Put: {
          TableName: T,
          Item: { ...residentPointerKey(profile.residentId), ownerId: d.claimantId, codeId: profile.codeId },
        },
      },
      {
        Put: {
          TableName: T,
          Item: { ...codePointerKey(profile.codeId), residentId: profile.residentId, ownerId: d.claimantId },
        },
      },
      claimantSelf
        ? {
            Put: {
              TableName: T,
              Item: { ...selfKey(d.claimantId), residentId: profile.residentId },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          }
        : {
            Update: {
              TableName: T,
              Key: selfKey(d.claimantId),
              UpdateExpression: 'ADD familyCount :one',
              ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(familyCount) OR familyCount < :max)',
              ExpressionAttributeValues: { ':one': 1, ':max': healthConfig().maxFamilyMembers },
            },
          },
    ];
  }
  try {
    await transact(items);
  } catch (err) {
    const reasons = cancellationReasons(err)?.map((r) => r.code);
    if (reasons?.[0] === 'ConditionalCheckFailed') throw conflict('该申诉已处理');
    if (reasons?.[3] === 'ConditionalCheckFailed') throw conflict('该身份证号的登记已变化，请刷新后重新核对');
    if (reasons?.[10] === 'ConditionalCheckFailed') {
      throw conflict(isSelfClaim(d) ? '申领人已登记了其他身份证号，无法转移' : '申领人的家人代办已满或未登记本人');
    }
    throw err;
  }
}

const isSelfClaim = (d: DisputeItem) => d.claimantRelation === 'self';
