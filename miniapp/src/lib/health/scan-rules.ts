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
}

const FIRST: ScanRules = { feverCelsius: 37.3, scanClockSkewSeconds: 120 };

export function cachedScanRules(): ScanRules {
  const stored = readStored<Partial<ScanRules>>(STORAGE_KEY, {});
  return {
    feverCelsius: typeof stored.feverCelsius === 'number' ? stored.feverCelsius : FIRST.feverCelsius,
    scanClockSkewSeconds:
      typeof stored.scanClockSkewSeconds === 'number' ? stored.scanClockSkewSeconds : FIRST.scanClockSkewSeconds,
  };
}

/** Fetches the rule book and keeps its numbers; offline, the kept ones. */
export async function refreshScanRules(): Promise<ScanRules> {
  try {
    const r = await api('healthRules', { quiet: true });
    const rules = { feverCelsius: r.feverCelsius, scanClockSkewSeconds: r.scanClockSkewSeconds };
    Taro.setStorageSync(STORAGE_KEY, rules);
    return rules;
  } catch {
    return cachedScanRules();
  }
}
