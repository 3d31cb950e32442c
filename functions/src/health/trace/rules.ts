import { cityDateTime, DAY_MS, TRACE_MAX_HOURS } from '@citycare/contract';

/** Tracing's own rules: which time ranges an official may ask about. Pure: `now` is an argument. */

export interface TraceBounds {
  /** Records are kept this many days (the scans table's TTL): nothing older can be asked for. */
  keepDays: number;
  /** How far past `now` the end may lie (the phone's clock, the minute it was typed in). */
  skewSeconds: number;
}

/**
 * Why a place trace from `from` to `to` (ISO instants) is refused at `now`, or undefined when
 * it may run: the end before the start, a span over TRACE_MAX_HOURS, a range in the future, or
 * one that starts before the oldest record still kept.
 */
export function traceRangeRefusal(from: string, to: string, now: Date, bounds: TraceBounds): string | undefined {
  const [start, end] = [Date.parse(from), Date.parse(to)];
  if (Number.isNaN(start) || Number.isNaN(end)) return '请填写开始时间和结束时间';
  if (start >= end) return '开始时间应早于结束时间';
  if (end - start > TRACE_MAX_HOURS * 3600_000) return `一次最多查询 ${TRACE_MAX_HOURS} 小时`;
  if (end > now.getTime() + bounds.skewSeconds * 1000) return '结束时间不能晚于现在';
  const oldest = now.getTime() - bounds.keepDays * DAY_MS;
  if (start < oldest) {
    return `扫码记录只保留 ${bounds.keepDays} 天，开始时间不能早于 ${cityDateTime(oldest).slice(0, 16)}`;
  }
  return undefined;
}
