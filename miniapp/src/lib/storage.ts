import Taro from '@tarojs/taro';

/** A value kept in Taro storage (localStorage on H5), or `fallback` when it is unset or unreadable. */
export function readStored<T>(key: string, fallback: T): T {
  try {
    const value = Taro.getStorageSync(key) as T | '';
    return value === '' || value === undefined || value === null ? fallback : value;
  } catch {
    return fallback;
  }
}

/** A list kept in storage under `key`: [] when there is none or it is not a list. */
export function readList<T>(key: string): T[] {
  const value = readStored<unknown>(key, []);
  return Array.isArray(value) ? (value as T[]) : [];
}
