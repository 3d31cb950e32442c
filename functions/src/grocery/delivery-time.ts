/**
 * When a delivery happened, judged by the server. A worker's phone may confirm offline and sync
 * later, so the time it says is kept, but only inside bounds: not in the future (beyond a
 * small clock skew, which is clamped to now), not older than the offline window, and (checked
 * in the write's own condition) not before the order was made ready or sent out.
 */
export const CLOCK_SKEW_SECONDS = 120;

export type DeliveryTime = { ok: true; at: Date } | { ok: false; message: string };

export function deliveryTime(claimed: Date | undefined, now: Date, offlineWindowHours: number): DeliveryTime {
  if (!claimed) return { ok: true, at: now };
  const ahead = claimed.getTime() - now.getTime();
  if (ahead > CLOCK_SKEW_SECONDS * 1000) {
    return { ok: false, message: '确认时间晚于当前时间，请检查手机时间后重新确认' };
  }
  if (now.getTime() - claimed.getTime() > offlineWindowHours * 3600_000) {
    return {
      ok: false,
      message: `这条送达确认已超过 ${offlineWindowHours} 小时未同步，请当面重新核对取货码`,
    };
  }
  return { ok: true, at: ahead > 0 ? now : claimed };
}

/** A delivery confirmed before the order was ready (prepared or sent out) cannot be true. */
export const BEFORE_READY_MESSAGE = '确认时间早于订单备好或出发的时间，请核对后重新确认';
