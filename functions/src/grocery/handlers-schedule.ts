import { log } from '../lib/log';
import { closeDueGroups as closeDue, type CloseDueSummary } from './store-group-close';

/**
 * Scheduled (EventBridge, every few minutes): closes every group order whose cutoff has passed,
 * with the same code as the worker's 截单 button. Safe to run twice or beside a worker's close.
 * A failure of one group is logged and retried on the next run; only a failure to list the due
 * groups fails the invocation (so it shows in the function's error metric).
 */
export async function closeDueGroups(): Promise<CloseDueSummary> {
  const summary = await closeDue(new Date());
  if (summary.due > 0 || summary.released > 0) log.info('group orders closed at their cutoff', { ...summary });
  return summary;
}
