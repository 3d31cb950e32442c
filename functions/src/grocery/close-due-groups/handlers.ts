import { AppError } from '../../lib/errors';
import { log } from '../../lib/log';
import { closeIntoOrder, getGroup } from '../groups/storage';
import { finishGroupRelease } from '../release/storage';
import { clock } from '../wiring';
import { dueGroups, pendingReleases } from './storage';

export interface CloseDueSummary {
  due: number;
  closed: number;
  cancelled: number;
  /** Closed meanwhile by a worker or another run. */
  skipped: number;
  failed: number;
  /** Large group orders whose batched release a crashed run left unfinished, now finished. */
  released: number;
}

/**
 * Scheduled (EventBridge, every 5 minutes): closes every group order whose cutoff has passed,
 * with the same code as the worker's 截单 button, and finishes any large group release a crashed
 * run left half done. Each group is re-read consistently (the index may lag); a group closed
 * meanwhile by a worker or a concurrent run is skipped, so running twice is harmless. A failure
 * of one group (its slot gone, say) is logged and retried on the next run; only a failure to
 * list the due groups fails the invocation (so it shows in the function's error metric).
 */
export async function closeDueGroups(): Promise<CloseDueSummary> {
  const now = clock.now();
  const ids = await dueGroups(now);
  const summary: CloseDueSummary = { due: ids.length, closed: 0, cancelled: 0, skipped: 0, failed: 0, released: 0 };
  for (const pending of await pendingReleases()) {
    try {
      await finishGroupRelease(pending.orderId, pending.groupId, pending.storeId, now);
      summary.released += 1;
    } catch (err) {
      summary.failed += 1;
      log.error('group order release did not finish', { orderId: pending.orderId, error: String(err) });
    }
  }
  for (const groupId of ids) {
    try {
      const group = await getGroup(groupId);
      if (!group || group.status !== 'open' || Date.parse(group.cutoffAt) > now.getTime()) {
        summary.skipped += 1;
        continue;
      }
      const { order } = await closeIntoOrder(group, now);
      if (order) summary.closed += 1;
      else summary.cancelled += 1;
    } catch (err) {
      const current = await getGroup(groupId).catch(() => undefined);
      if (current && current.status !== 'open') {
        summary.skipped += 1;
        continue;
      }
      summary.failed += 1;
      log.error('group order did not close at its cutoff', {
        groupId,
        error: err instanceof AppError ? `${err.code}: ${err.message}` : ((err as Error)?.stack ?? String(err)),
      });
    }
  }
  if (summary.due > 0 || summary.released > 0) log.info('group orders closed at their cutoff', { ...summary });
  return summary;
}
