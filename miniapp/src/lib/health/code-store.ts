import Taro from '@tarojs/taro';
import type { StoredCode } from './offline-code';

/**
 * The offline codes kept on the phone: the signed-in user's household's last code bundles, under
 * one key that names the user. Another user's codes are never read; signing out removes them
 * (api/session.ts `clearSession`).
 */
const STORAGE_KEY = 'citycare.health.codes';

interface Stored {
  userId: string;
  codes: StoredCode[];
}

function read(): Stored | undefined {
  try {
    const value = Taro.getStorageSync(STORAGE_KEY) as Stored | '';
    return value && typeof value.userId === 'string' && Array.isArray(value.codes) ? value : undefined;
  } catch {
    return undefined;
  }
}

function write(value: Stored): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, value);
  } catch {
    // storage full or unavailable: the code still shows, only not offline next time
  }
}

/** The user's stored codes, in the household's order (the account holder first). */
export function storedCodes(userId: string | undefined): StoredCode[] {
  const stored = read();
  return userId && stored?.userId === userId ? stored.codes.filter((c) => Array.isArray(c.tokens)) : [];
}

/** Keeps (or replaces) one resident's code; the others stay. */
export function storeCode(userId: string, code: StoredCode): void {
  const others = storedCodes(userId).filter((c) => c.residentId !== code.residentId);
  write({ userId, codes: [...others, code] });
}

/** Forgets one resident's code (no longer in the household), or keeps only `keep`'s. */
export function dropCodes(userId: string, keep: (code: StoredCode) => boolean): void {
  const codes = storedCodes(userId);
  const left = codes.filter(keep);
  if (left.length !== codes.length) write({ userId, codes: left });
}

/** Forgets every stored code (signing out). */
export function forgetCodes(): void {
  try {
    Taro.removeStorageSync(STORAGE_KEY);
  } catch {
    // nothing stored
  }
}
