import { requireEnv, settingsOnce } from '../lib/env';
import type { Limit } from '../lib/limits';

/** The rule book's numbers, from config/health-rules.yml through the function's environment. */
export interface HealthConfig {
  feverCelsius: number;
  yellowNormalDays: number;
  redMinDays: number;
  /** The length of a code window (one token's validity), in seconds. */
  tokenTtlSeconds: number;
  /** Windows in the offline bundle a code request returns, the current one first. */
  codeWindows: number;
  recordTtlDays: number;
  /** Family members (家人代办) one account may hold. */
  maxFamilyMembers: number;
  /** Allowed difference between a scanner's clock and the server's, in seconds. */
  scanClockSkewSeconds: number;
  /** How long after a scan its upload is still accepted (offline scanners), in hours. */
  offlineWindowHours: number;
  /** Registration attempts per account and day. */
  registrationsPerDay: number;
  /** Scanners fetch the status list again after this long (seconds); its caches keep it as long. */
  statusListRefreshSeconds: number;
  /** Scanners' keys and status list are usable offline this many days. */
  scannerOfflineDays: number;
  /** A paper code's validity, in days; the status list keeps each change as long. */
  paperCodeDays: number;
  /** The published maximum lag of a code behind its resident's status (minutes). */
  statusMaxStalenessMinutes: number;
}

export const healthConfig = /* @__PURE__ */ settingsOnce<HealthConfig>(() => ({
  feverCelsius: Number(requireEnv('HEALTH_FEVER_CELSIUS')),
  yellowNormalDays: Number(requireEnv('HEALTH_YELLOW_NORMAL_DAYS')),
  redMinDays: Number(requireEnv('HEALTH_RED_MIN_DAYS')),
  tokenTtlSeconds: Number(requireEnv('HEALTH_TOKEN_TTL_SECONDS')),
  codeWindows: Number(requireEnv('HEALTH_CODE_WINDOWS')),
  recordTtlDays: Number(requireEnv('HEALTH_RECORD_TTL_DAYS')),
  maxFamilyMembers: Number(requireEnv('HEALTH_MAX_FAMILY_MEMBERS')),
  scanClockSkewSeconds: Number(requireEnv('HEALTH_SCAN_CLOCK_SKEW_SECONDS')),
  offlineWindowHours: Number(requireEnv('HEALTH_OFFLINE_WINDOW_HOURS')),
  registrationsPerDay: Number(requireEnv('HEALTH_REGISTRATIONS_PER_DAY')),
  statusListRefreshSeconds: Number(requireEnv('HEALTH_STATUS_LIST_REFRESH_SECONDS')),
  scannerOfflineDays: Number(requireEnv('HEALTH_SCANNER_OFFLINE_DAYS')),
  paperCodeDays: Number(requireEnv('HEALTH_PAPER_CODE_DAYS')),
  statusMaxStalenessMinutes: Number(requireEnv('HEALTH_STATUS_MAX_STALENESS_MINUTES')),
}));

/** The DynamoDB TTL value (epoch seconds) of a record made at `at`. */
export const expiresAt = (at: string) => Math.floor(Date.parse(at) / 1000) + healthConfig().recordTtlDays * 86400;

/** Registration attempts per account and day: every attempt counts, so nobody can probe ID numbers. */
export const registrationLimit = (): Limit => ({
  name: 'health.register',
  max: healthConfig().registrationsPerDay,
  windowSeconds: 86400,
  message: '今天的登记次数已用完',
});
