import { cityDayWeekText, cityHour } from '@citycare/contract/src/common';

/** `2020年2月10日 星期一` for the given instant in the city. */
export function formatShanghaiDate(at: Date = new Date()): string {
  return cityDayWeekText(at);
}

/** Hour of day in the city, for the greeting. */
export function shanghaiHour(at: Date = new Date()): number {
  return cityHour(at);
}

export { maskId } from '@citycare/contract/src/common';
