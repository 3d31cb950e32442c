import Taro from '@tarojs/taro';
import type { ScanUpload } from '@citycare/contract';
import { api, ApiError } from '@/api';
import { keepQueued } from '@/api/retry';
import { readList } from '@/lib/storage';

/**
 * Scans waiting for upload, kept in storage so none are lost offline or when the app closes.
 * Each carries the id it was made with, so a retried upload stores it once.
 */
const STORAGE_KEY = 'citycare.health.scanQueue';
const BATCH = 50;

export interface QueuedScan extends ScanUpload {
  placeId: string;
}

export function queuedScans(): QueuedScan[] {
  return readList<QueuedScan>(STORAGE_KEY);
}

function save(list: QueuedScan[]): void {
  Taro.setStorageSync(STORAGE_KEY, list);
}

export function enqueue(scan: QueuedScan): number {
  const list = [...queuedScans(), scan];
  save(list);
  return list.length;
}

/** A random id for a scan, made on the phone (no crypto.randomUUID in every runtime). */
export function newScanId(): string {
  const rand = () => Math.random().toString(36).slice(2, 10);
  return `s${Date.now().toString(36)}${rand()}${rand()}`;
}

/** Uploads the queue in batches per place; what was sent (stored or already there) leaves it. */
export async function flushQueue(): Promise<{ sent: number; left: number }> {
  let sent = 0;
  for (;;) {
    const list = queuedScans();
    const first = list[0];
    if (!first) break;
    const batch = list.filter((s) => s.placeId === first.placeId).slice(0, BATCH);
    try {
      await api('healthUploadScans', {
        body: { placeId: first.placeId, scans: batch.map(({ placeId: _p, ...scan }) => scan) },
        quiet: true,
      });
    } catch (err) {
      // Offline, signed out, busy or a server fault: keep them for the next try. Refused for good
      // (400, 403, 404…): retrying cannot help, so they leave the queue rather than block the rest.
      if (!(err instanceof ApiError) || keepQueued(err.status)) break;
    }
    const done = new Set(batch.map((s) => s.scanId));
    save(queuedScans().filter((s) => !done.has(s.scanId)));
    sent += batch.length;
  }
  return { sent, left: queuedScans().length };
}
