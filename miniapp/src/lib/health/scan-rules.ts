import Taro from '@tarojs/taro';
import { api } from '@/api';
import { readStored } from '@/lib/storage';

/**
 * The rule book numbers the scanner judges by (fever threshold, allowed clock difference), kept in
 * storage so an offline scanner uses the last ones it fetched. Before the first fetch ever, the
 * rule book's published values of February 2020.
 */
const STORAGE_KEY = 'citycare.health.scanRules';

export interface ScanRules {
  feverCelsius: number;
  /** A code is accepted this many seconds before its window starts and after it ends. */
  scanClockSkewSeconds: number;
  /** The status list is fetched again after this many seconds (online). */
  statusListRefreshSeconds: number;
  /** Keys and status list are usable offline this many days; later, 未能核验. */
  scannerOfflineDays: number;
  /** A paper code's validity: the status list's changes are kept as long. */
  paperCodeDays: number;
}

const FIRST: ScanRules = {
  feverCelsius: 37.3,
  scanClockSkewSeconds: 120,
  statusListRefreshSeconds: 60,
  scannerOfflineDays: 7,
  paperCodeDays: 7,
};

const num = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);

export function cachedScanRules(): ScanRules {
  const stored = readStored<Partial<ScanRules>>(STORAGE_KEY, {});
  return {
    feverCelsius: num(stored.feverCelsius, FIRST.feverCelsius),
    scanClockSkewSeconds: num(stored.scanClockSkewSeconds, FIRST.scanClockSkewSeconds),
    statusListRefreshSeconds: num(stored.statusListRefreshSeconds, FIRST.statusListRefreshSeconds),
    scannerOfflineDays: num(stored.scannerOfflineDays, FIRST.scannerOfflineDays),
    paperCodeDays: num(stored.paperCodeDays, FIRST.paperCodeDays),
  };
}

/** Fetches the rule book and keeps its numbers; offline, the kept ones. */
export async function refreshScanRules(): Promise<ScanRules> {
  try {
    const r = await api('healthRules', { quiet: true });
    const rules: ScanRules = {
      feverCelsius: r.feverCelsius,
      scanClockSkewSeconds: r.scanClockSkewSeconds,
      statusListRefreshSeconds: r.statusListRefreshSeconds,
      scannerOfflineDays: r.scannerOfflineDays,
      paperCodeDays: r.paperCodeDays,
    };
    Taro.setStorageSync(STORAGE_KEY, rules);
    return rules;
  } catch {
    return cachedScanRules();
  }
}
