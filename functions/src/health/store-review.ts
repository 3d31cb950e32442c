import { randomBytes } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { RiskArea } from '@citycare/contract';
import { auditKey } from '../auth/keys';
import { db } from '../lib/dynamo';
import { auditTable } from '../lib/env';
import { areaKey, rulesKey } from './keys';
import { areasOf } from './store';
import { healthTable } from './table';

/** Storage of what officials edit: the risk areas. */

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
