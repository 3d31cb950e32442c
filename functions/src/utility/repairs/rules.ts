/** Repair requests (报修). Pure. */

const REPAIR_ORDER = ['submitted', 'received', 'dispatched', 'fixed'] as const;
export type RepairStep = (typeof REPAIR_ORDER)[number];

/** The statuses a repair may move to `next` from: only forward (a step may be skipped). */
export function repairStatusesBefore(next: RepairStep): RepairStep[] {
  return REPAIR_ORDER.slice(0, REPAIR_ORDER.indexOf(next));
}

/** The company's queue order: open requests first (urgent first, oldest first), then the fixed ones. */
export function queueOrder(
  a: { status: string; urgency: string; createdAt: string },
  b: { status: string; urgency: string; createdAt: string },
): number {
  const rank = (r: { status: string; urgency: string }) => (r.status === 'fixed' ? 2 : r.urgency === 'urgent' ? 0 : 1);
  return rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt);
}
