import { requireEnv } from '../lib/env';

/** The rule book's numbers, from config/health-rules.yml through the function's environment. */
export interface HealthConfig {
  feverCelsius: number;
  yellowNormalDays: number;
  redMinDays: number;
  tokenTtlSeconds: number;
  recordTtlDays: number;
}

let config: HealthConfig | undefined;

export function healthConfig(): HealthConfig {
  config ??= {
    feverCelsius: Number(requireEnv('HEALTH_FEVER_CELSIUS')),
    yellowNormalDays: Number(requireEnv('HEALTH_YELLOW_NORMAL_DAYS')),
    redMinDays: Number(requireEnv('HEALTH_RED_MIN_DAYS')),
    tokenTtlSeconds: Number(requireEnv('HEALTH_TOKEN_TTL_SECONDS')),
    recordTtlDays: Number(requireEnv('HEALTH_RECORD_TTL_DAYS')),
  };
  return config;
}

/** The DynamoDB TTL value (epoch seconds) of a record made at `at`. */
export const expiresAt = (at: string) => Math.floor(Date.parse(at) / 1000) + healthConfig().recordTtlDays * 86400;
