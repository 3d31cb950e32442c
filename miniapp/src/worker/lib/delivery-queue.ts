import Taro from '@tarojs/taro';
import type { Collected } from '@citycare/contract';
import { api, ApiError, errorMessage } from '@/api';
import { keepQueued } from '@/api/retry';
import { readList } from '@/lib/storage';

/**
 * Delivery confirmations made without a network, kept in storage until they sync. Each carries
 * the Idempotency-Key made when the worker confirmed, so a confirmation sent twice (the answer was
 * lost, the app restarted mid-sync) is applied once. A pay-on-delivery order's confirmation
 * carries how the money was collected at the door (已收款).
 */
const STORAGE_KEY = 'citycare.grocery.deliveryQueue';

export interface QueuedConfirmation {
  orderId: string;
  pickupCode: string;
  confirmedAt: string;
  key: string;
  collected?: Collected;
}

export interface SyncResult {
  sent: number;
  left: number;
  /** Refused for good (wrong code, already delivered by someone else): shown to the worker. */
  refused: { orderId: string; message: string }[];
}

export function queued(): QueuedConfirmation[] {
  return readList<QueuedConfirmation>(STORAGE_KEY);
}

function save(list: QueuedConfirmation[]): void {
  Taro.setStorageSync(STORAGE_KEY, list);
}

export function newConfirmation(orderId: string, pickupCode: string, collected?: Collected): QueuedConfirmation {
  const rand = Math.random().toString(36).slice(2, 10);
  const key = `dl-${Date.now().toString(36)}-${rand}`;
  return { orderId, pickupCode, confirmedAt: new Date().toISOString(), key, ...(collected ? { collected } : {}) };
}

/**
 * Sends one confirmation; resolves `queued` when it could not pass for now (no network, the server
 * busy or failing even after the adapter's retries): it waits in storage for the next sync.
 */
export async function confirmOrQueue(c: QueuedConfirmation): Promise<'delivered' | 'queued'> {
  try {
    await send(c);
    return 'delivered';
  } catch (err) {
    if (err instanceof ApiError && keepQueued(err.status)) {
      save([...queued().filter((q) => q.orderId !== c.orderId), c]);
      return 'queued';
    }
    throw err;
  }
}

function send(c: QueuedConfirmation) {
  return api('groceryConfirm', {
    params: { orderId: c.orderId },
    body: { pickupCode: c.pickupCode, confirmedAt: c.confirmedAt, ...(c.collected ? { collected: c.collected } : {}) },
    idempotencyKey: c.key,
    quiet: true,
  });
}

let running: Promise<SyncResult> | null = null;

/** Sends the queue in order; stops at the first failure that may pass (kept). One sync at a time. */
export function syncQueue(): Promise<SyncResult> {
  running ??= (async () => {
    const result: SyncResult = { sent: 0, left: 0, refused: [] };
    for (const c of queued()) {
      try {
        await send(c);
        result.sent += 1;
      } catch (err) {
        // Busy (429), offline, signed out or a server fault: keep it and the ones behind it.
        if (!(err instanceof ApiError) || keepQueued(err.status)) break;
        result.refused.push({ orderId: c.orderId, message: errorMessage(err) });
      }
      save(queued().filter((q) => q.key !== c.key));
    }
    result.left = queued().length;
    return result;
  })().finally(() => {
    running = null;
  });
  return running;
}
