const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const two = (n: number) => String(n).padStart(2, '0');

/** `2020-02-22 09:05:03` in Asia/Shanghai (by hand: no Intl time zones on some phones). */
export function shanghaiDateTime(at: Date | string | number): string {
  const d = new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** `02-22 09:05` in Asia/Shanghai. */
export function shanghaiShort(at: Date | string | number): string {
  return shanghaiDateTime(at).slice(5, 16);
}

/** `4:05` from seconds. */
export function countdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${two(s % 60)}`;
}
