import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parse } from 'yaml';
import type { RiskArea } from '@citycare/contract';
import { areaKey, rulesKey } from '../../functions/src/health/keys';
import { ROOT } from './paths';
import { putIf } from './seed-put';

/** The health-code rule book of config/health-rules.yml. */
export interface HealthRulesConfig {
  feverCelsius: number;
  yellowNormalDays: number;
  redMinDays: number;
  tokenTtlSeconds: number;
  recordTtlDays: number;
  riskAreas: RiskArea[];
}

export function healthRulesFile(): HealthRulesConfig {
  return (parse(readFileSync(join(ROOT, 'config', 'health-rules.yml'), 'utf8')) as { health: HealthRulesConfig })
    .health;
}

/** Tables are named `${service}-${stage}-<name>` (serverless.yml): the health table beside the directory. */
export const healthTableBeside = (directoryTable: string) => directoryTable.replace(/-directory$/, '-health');

/**
 * Seeds the risk-area list from config, once: from then on officials edit it in the app, and a
 * second seed never overwrites their changes.
 */
export async function seedHealth(
  doc: DynamoDBDocumentClient,
  directoryTable: string,
  now = new Date(),
): Promise<{ created: number; existing: number }> {
  const config = healthRulesFile();
  const areas = Object.fromEntries(config.riskAreas.map((a) => [areaKey(a.region), { ...a, key: areaKey(a.region) }]));
  const created = await putIf(doc, healthTableBeside(directoryTable), {
    ...rulesKey(),
    areas,
    updatedAt: now.toISOString(),
  });
  return created ? { created: 1, existing: 0 } : { created: 0, existing: 1 };
}
