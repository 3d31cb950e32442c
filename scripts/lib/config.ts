import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { RoleGrant } from '@citycare/contract';
import { devLoginRefusal } from '../../functions/src/auth/dev-login';
import { ROOT } from './paths';

/** The parts of config/<stage>.yml the local scripts read. Unresolved ${...} values stay strings. */
export interface StageConfig {
  region: string;
  ports: { dynamodb: number; api: number; lambda: number; h5: number };
  auth: { devLogin: boolean };
  secrets: { source: string };
}

/**
 * The start-up check every script makes before it uses a stage (start, seed, grant...): a stage
 * whose secrets come from SSM must not switch the dev login on. The functions refuse it again
 * at run time (functions/src/auth/wiring.ts), with the same rule.
 */
export function checkStageConfig(stage: string, config: StageConfig): StageConfig {
  const refusal = devLoginRefusal({
    DEV_LOGIN: String(config.auth?.devLogin),
    SECRETS_SOURCE: config.secrets?.source,
  });
  if (refusal) throw new Error(`config/${stage}.yml: ${refusal}; set auth.devLogin: false`);
  return config;
}

export function stageConfig(stage: string): StageConfig {
  return checkStageConfig(stage, parse(readFileSync(join(ROOT, 'config', `${stage}.yml`), 'utf8')) as StageConfig);
}

export interface CityConfig {
  city: { id: string; name: string };
  districts: { id: string; name: string; regionCode: string }[];
  communities: { id: string; name: string; town: string; district: string; kind: 'community' | 'village' }[];
  stores: { id: string; name: string; district: string; serves: string[] }[];
  places: { id: string; name: string; kind: string; community: string }[];
  utilities: { id: string; name: string; kind: string }[];
  /** `phone`: the demo account is listed in the person finder under its name and the phone's last four digits. */
  demoUsers: { key: string; displayName: string; roles: RoleGrant[]; phone?: string }[];
}

export function cityConfig(): CityConfig {
  return parse(readFileSync(join(ROOT, 'config', 'city.yml'), 'utf8')) as CityConfig;
}
