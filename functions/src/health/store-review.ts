import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { RiskArea } from '@citycare/contract';
import { auditKey } from '../auth/keys';
import { db } from '../lib/dynamo';
import { auditTable } from '../lib/env';
import { areaKey, OPEN_APPEALS, openAppealKey, rulesKey } from './keys';
import { areasOf, type ProfileItem } from './store';
import { healthTable } from './table';

/** Storage of what officials edit and review: the risk areas and the appeals queue. */

export async function riskAreas(): Promise<RiskArea[]> {
  const out = await db().send(new GetCommand({ TableName: healthTable(), Key: rulesKey() }));
  return areasOf(out.Item?.areas);
}

/** Adds or removes a risk area, audited with the official and their reason, in one transaction. */
export async function changeRiskArea(
  action: 'add' | 'remove',
  area: RiskArea,
  officialId: string,
  reason: string,
  now: string,
): Promise<RiskArea[]> {
  const key = areaKey(area.region);
  const update =
    action === 'add'
      ? {
          UpdateExpression: 'SET areas.#k = :a, updatedAt = :now',
          ExpressionAttributeValues: { ':a': { ...area, key }, ':now': now },
        }
      : { UpdateExpression: 'REMOVE areas.#k SET updatedAt = :now', ExpressionAttributeValues: { ':now': now } };
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: healthTable(),
            Key: rulesKey(),
            ExpressionAttributeNames: { '#k': key },
            // The seed creates the item with an `areas` map; the condition keeps a typo'd table from growing one.
            ConditionExpression: 'attribute_exists(areas)',
            ...update,
          },
        },
        {
          Put: {
            TableName: auditTable(),
            Item: {
              ...auditKey('HEALTH#RULES', new Date(now), officialId, randomBytes(6).toString('base64url')),
              action: `health.riskArea.${action}`,
              actorId: officialId,
              region: area.region,
              reason,
              at: now,
            },
          },
        },
      ],
    }),
  );
  return riskAreas();
}

export interface AppealItem {
  appealId: string;
  residentId: string;
  ownerId: string;
  maskedName: string;
  colour: string;
  reason: string;
  createdAt: string;
}

/** Puts an appeal in the officials' queue. Ids sort by time, so the queue reads oldest first. */
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
  };
  await db().send(new PutCommand({ TableName: healthTable(), Item: { ...openAppealKey(appealId), ...item } }));
  return item;
}

export async function openAppeals(): Promise<AppealItem[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: healthTable(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': OPEN_APPEALS },
      Limit: 100,
    }),
  );
  return (out.Items ?? []) as AppealItem[];
}
