/**
 * Time in the city (Asia/Shanghai: UTC+8 all year, no daylight saving). Computed by hand, not
 * with Intl: the WeChat runtime on some Android phones has no time-zone data. Backend and app
 * take every city date and time from here.
 */
export const CITY_OFFSET_MS = 8 * 3600 * 1000;
export const DAY_MS = 24 * 3600 * 1000;

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const two = (n: number) => String(n).padStart(2, '0');

type Instant = Date | string | number;
const ms = (at: Instant): number => (at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at));

/** A Date whose UTC fields read as the city's wall clock at `at`. */
function wall(at: Instant): Date {
  return new Date(ms(at) + CITY_OFFSET_MS);
}

/** The city's calendar day of an instant: `2020-02-10`. */
export function cityDate(at: Instant): string {
  return wall(at).toISOString().slice(0, 10);
}

/** The hour of day (0–23) in the city. */
export function cityHour(at: Instant): number {
  return wall(at).getUTCHours();
}

/** `09:05` in the city. */
export function cityClock(at: Instant): string {
  const d = wall(at);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** `2020-02-22 09:05:03` in the city. */
export function cityDateTime(at: Instant): string {
  return `${cityDate(at)} ${wall(at).toISOString().slice(11, 19)}`;
}

/** `2020年2月10日` in the city. */
export function cityDayText(at: Instant): string {
  const d = wall(at);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** `2020年2月10日 星期一` in the city. */
export function cityDayWeekText(at: Instant): string {
  return `${cityDayText(at)} 星期${WEEKDAYS[wall(at).getUTCDay()]}`;
}

/** `2月10日` in the city. */
export function cityMonthDayText(at: Instant): string {
  const d = wall(at);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** `2月10日 10:05` in the city. */
export function cityMonthDayTime(at: Instant): string {
  const d = wall(at);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${cityClock(at)}`;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCityDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The instant a city calendar day begins (midnight in the city). Throws on a malformed date. */
export function cityMidnight(date: string): Date {
  const m = DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - CITY_OFFSET_MS);
}

/** The instant of a city date and wall-clock time: (`2020-02-11`, `09:00`) -> ISO in UTC. */
export function cityInstant(date: string, time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return new Date(cityMidnight(date).getTime() + (h * 60 + m) * 60_000).toISOString();
}

/** The city calendar day `days` after `date` (negative goes back). */
export function addCityDays(date: string, days: number): string {
  return cityDate(cityMidnight(date).getTime() + days * DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function cityDaysBetween(from: string, to: string): number {
  return Math.round((cityMidnight(to).getTime() - cityMidnight(from).getTime()) / DAY_MS);
}

/** RFC 3339 with the city's offset, as WeChat Pay writes times: `2020-02-10T12:00:00+08:00`. */
export function cityRfc3339(at: Instant): string {
  return `${wall(at).toISOString().slice(0, 19)}+08:00`;
}

/** The start (epoch seconds) of the window of `windowSeconds` holding `at`, aligned to city midnight. */
export function cityWindowStart(at: Instant, windowSeconds: number): number {
  const seconds = Math.floor(ms(at) / 1000);
  return seconds - ((seconds + CITY_OFFSET_MS / 1000) % windowSeconds);
}
