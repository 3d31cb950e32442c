import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { RiskArea } from '@citycare/contract';
import { auditPut, db, transact } from '../../lib/dynamo';
import { areaKey, rulesKey } from '../keys';
import { healthTable } from '../table';

/** Storage of what officials edit in the rule book: the risk areas (one item, a map by region). */

interface StoredArea extends RiskArea {
  key: string;
}

/** The risk areas of the stored map, oldest first. */
export function areasOf(map: unknown): RiskArea[] {
  return Object.values((map ?? {}) as Record<string, StoredArea>)
    .map(({ region, note, since }) => ({ region, note, since }))
    .sort((a, b) => a.since.localeCompare(b.since) || a.region.localeCompare(b.region));
}

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
  await transact([
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
    auditPut('HEALTH#RULES', new Date(now), officialId, {
      action: `health.riskArea.${action}`,
      region: area.region,
      reason,
    }),
  ]);
  return riskAreas();
}
