import { freshness, oldestFetch, superseded, type Freshness } from '@citycare/contract/src/health-staleness';
import { verifyHealthToken, type KeyRing, type VerifyResult } from './verify';

/**
 * The offline scanner's check of a code, pure (no Taro): the signature and window with the cached
 * keys, the cached status list (a code issued before its resident's latest change is
 * superseded), and how fresh the scanner's data is. Past the offline window nothing is decided:
 * the result is 未能核验.
 */
export interface ScannerData {
  ring: KeyRing;
  keysAt?: number;
  changes: Record<string, number>;
  listAt?: number;
}

export interface ScannerRules {
  scanClockSkewSeconds: number;
  statusListRefreshSeconds: number;
  scannerOfflineDays: number;
}

export interface CodeCheck {
  verified: VerifyResult;
  superseded: boolean;
  freshness: Freshness;
  /** The stalest of keys and list (ms), for 核验数据更新于. */
  dataAt?: number;
}

export function checkCode(text: string, data: ScannerData, nowMs: number, rules: ScannerRules): CodeCheck {
  const verified = verifyHealthToken(text, data.ring, nowMs, rules.scanClockSkewSeconds);
  const dataAt = oldestFetch(data.keysAt, data.listAt);
  return {
    verified,
    superseded: verified.ok && superseded(verified.claims, data.changes),
    freshness: freshness(dataAt, nowMs, rules),
    dataAt,
  };
}
