const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000; // China Standard Time, no daylight saving

/**
 * `2020年2月10日 星期一` for the given instant in Asia/Shanghai. Computed by hand: the WeChat
 * runtime on some Android phones has no time-zone data for Intl.
 */
export function formatShanghaiDate(at: Date = new Date()): string {
  const d = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 星期${WEEKDAYS[d.getUTCDay()]}`;
}

/** Hour of day in Asia/Shanghai, for the greeting. */
export function shanghaiHour(at: Date = new Date()): number {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCHours();
}

/** Show only the ends of an id: `u_8f3a****c21d`. */
export function maskId(id: string): string {
  if (id.length <= 8) return id;
  return `${id.slice(0, 4)}****${id.slice(-4)}`;
}
