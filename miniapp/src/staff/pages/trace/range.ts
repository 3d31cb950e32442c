import { cityDateTime, cityInstant, isCityDate, TRACE_MAX_HOURS } from '@citycare/contract';

/** The place trace's two times as officials type them: `2020-02-22 08:00`, Beijing time. */

const TYPED = /^(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2})[:：](\d{2})$/;
const two = (n: string) => n.padStart(2, '0');

/** `2020-02-22 08:00` for an instant, in the city. */
export const typedTime = (at: number | string) => cityDateTime(at).slice(0, 16);

/** The instant (ISO UTC) a typed city time means, or undefined when it is not one. */
export function parseTyped(text: string): string | undefined {
  const m = TYPED.exec(text.trim());
  if (!m) return undefined;
  const [, y = '', mo = '', d = '', h = '', mi = ''] = m;
  const date = `${y}-${two(mo)}-${two(d)}`;
  if (!isCityDate(date) || Number(h) > 23 || Number(mi) > 59) return undefined;
  return cityInstant(date, `${two(h)}:${mi}`);
}

/** The last `hours` up to `now`, as the two fields show them. */
export const lastHours = (hours: number, now = Date.now()) => ({
  from: typedTime(now - hours * 3600_000),
  to: typedTime(now),
});

/** The range to ask for, or the reason it cannot be asked (the server checks again). */
export function checkRange(fromText: string, toText: string): { from: string; to: string } | string {
  const from = parseTyped(fromText);
  const to = parseTyped(toText);
  if (!from || !to) return '时间请按 2020-02-22 08:00 的格式填写';
  if (from >= to) return '开始时间应早于结束时间';
  if (Date.parse(to) - Date.parse(from) > TRACE_MAX_HOURS * 3600_000) return `一次最多查询 ${TRACE_MAX_HOURS} 小时`;
  return { from, to };
}
