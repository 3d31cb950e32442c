import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';

/**
 * 长辈模式 (elder mode): larger text on every page. Remembered in storage; every mounted page
 * (tab pages stay mounted) re-renders when it changes.
 */
const STORAGE_KEY = 'citycare.elderMode';
const listeners = new Set<() => void>();
let current: boolean | undefined;

export function isElderMode(): boolean {
  if (current === undefined) {
    try {
      current = Taro.getStorageSync(STORAGE_KEY) === true;
    } catch {
      current = false;
    }
  }
  return current;
}

export function setElderMode(on: boolean): void {
  current = on;
  Taro.setStorageSync(STORAGE_KEY, on);
  listeners.forEach((notify) => notify());
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

export function useElderMode(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, isElderMode, isElderMode);
  return [on, setElderMode];
}
