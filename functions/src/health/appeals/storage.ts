import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AppealOutcome } from '@citycare/contract';
import { auditPut, cancellationReasons, countAll, db, queryPage, transact, type TransactItem } from '../../lib/dynamo';
import { conflict } from '../../lib/errors';
import type { ProfileItem } from '../items';
import {
  appealCopyKey,
  appealCopyPrefix,
  householdPk,
  OPEN_APPEALS,
  openAppealKey,
  openAppealMarkerKey,
} from '../keys';
import { healthTable } from '../table';

/**
 * The appeals (纠错): the officials' queue (one partition, oldest first), the resident's own copy
 * that carries the outcome once closed, and the marker that allows one open appeal per resident.
 */

export interface AppealItem {
  appealId: string;
  residentId: string;
  ownerId: string;
  maskedName: string;
  colour: string;
  reason: string;
  createdAt: string;
  status?: 'open' | 'closed';
  outcome?: AppealOutcome;
  decision?: string;
  closedAt?: string;
}

export type AppealRef = Pick<AppealItem, 'appealId' | 'residentId' | 'ownerId'>;

/** Puts an appeal in the queue, unless the resident already has one open (409). Ids sort by time. */
export async function createAppeal(p: ProfileItem, reason: string, now: string): Promise<AppealItem> {
  const appealId = `a${Date.parse(now).toString(36)}${randomBytes(5).toString('hex')}`;
  const item: AppealItem = {
    appealId,
    residentId: p.residentId,
    ownerId: p.ownerId,
    maskedName: p.maskedName,
    colour: p.colour,
    reason,
    createdAt: now,
    status: 'open',
  };
  const T = healthTable();
  try {
    await transact([
      {
        Put: {
          TableName: T,
          Item: { ...openAppealMarkerKey(p.ownerId, p.residentId), appealId, createdAt: now },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      { Put: { TableName: T, Item: { ...openAppealKey(appealId), ...item } } },
      { Put: { TableName: T, Item: { ...appealCopyKey(p.ownerId, p.residentId, appealId), ...item } } },
    ]);
  } catch (err) {
    if (cancellationReasons(err)?.[0]?.code === 'ConditionalCheckFailed') {
      throw conflict('已有一份纠错申请正在处理，请等待卫健工作人员回复后再提交');
    }
    throw err;
  }
  return item;
}

/**
 * The writes that close an open appeal: out of the queue (conditional: still open, this
 * resident's), the marker freed, the outcome on the resident's copy. First item: the queue's.
 */
export function closeAppealItems(
  a: AppealRef,
  outcome: AppealOutcome,
  decision: string,
  by: string,
  now: string,
): TransactItem[] {
  const T = healthTable();
  return [
    {
      Delete: {
        TableName: T,
        Key: openAppealKey(a.appealId),
        ConditionExpression: 'residentId = :r',
        ExpressionAttributeValues: { ':r': a.residentId },
      },
    },
    { Delete: { TableName: T, Key: openAppealMarkerKey(a.ownerId, a.residentId) } },
    {
      Update: {
        TableName: T,
        Key: appealCopyKey(a.ownerId, a.residentId, a.appealId),
        UpdateExpression:
          'SET #status = :closed, outcome = :o, decision = :d, closedAt = :now, closedBy = :by, appealId = :a, residentId = :r',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':closed': 'closed',
          ':o': outcome,
          ':d': decision,
          ':now': now,
          ':by': by,
          ':a': a.appealId,
          ':r': a.residentId,
        },
      },
    },
  ];
}

export async function getOpenAppeal(appealId: string): Promise<AppealItem | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: healthTable(), Key: openAppealKey(appealId), ConsistentRead: true }),
  );
  return out.Item as AppealItem | undefined;
}

/** 维持原状态: closes an appeal without changing the status, audited. 409 when already closed. */
export async function keepAppeal(a: AppealItem, decision: string, officialId: string, now: string) {
  const audit = auditPut('HEALTH#APPEALS', new Date(now), officialId, {
    action: 'health.appeal.keep',
    appealId: a.appealId,
    residentId: a.residentId,
    reason: decision,
  });
  try {
    await transact([...closeAppealItems(a, 'kept', decision, officialId, now), audit]);
  } catch (err) {
    if (cancellationReasons(err)?.[0]?.code === 'ConditionalCheckFailed') throw conflict('该纠错申请已处理');
    throw err;
  }
  return { ...a, status: 'closed' as const, outcome: 'kept' as const, decision, closedAt: now };
}

const queue = () => ({
  TableName: healthTable(),
  KeyConditionExpression: 'pk = :pk',
  ExpressionAttributeValues: { ':pk': OPEN_APPEALS },
});

/** One page of the queue, oldest first, from `start` (a position this function returned). */
export async function openAppealsPage(start: Record<string, unknown> | undefined, limit: number) {
  return queryPage<AppealItem>({ ...queue(), ExclusiveStartKey: start, Limit: limit });
}

/** How many appeals wait: a COUNT query over the queue's partition (keys only, paged). */
export async function countOpenAppeals(): Promise<number> {
  return countAll(queue());
}

/** A resident's appeals, newest first (the latest 20). */
export async function appealsOf(p: ProfileItem): Promise<AppealItem[]> {
  const page = await queryPage<AppealItem>({
    TableName: healthTable(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': householdPk(p.ownerId), ':p': appealCopyPrefix(p.residentId) },
    ScanIndexForward: false,
    Limit: 20,
    ConsistentRead: true,
  });
  return page.items;
}
