import type { RepairStatus, UtilityKind } from '@citycare/contract';
import { cityDayText, cityMonthDayTime, yuan } from '@citycare/contract/src/common';

/**
 * Formatting and labels shared by the utility pages (生活缴费 and the utility staff tools).
 * Only the contract's types and its zod-free common core: nothing of zod reaches the bundle.
 */

/** The last protected day of an exclusive end instant. */
export function lastDay(iso: string): string {
  return cityDayText(new Date(Date.parse(iso) - 1).toISOString());
}

/** `2020-03-15` -> `2020年3月15日` */
export function dateText(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** `2020-02` -> `2020年2月` */
export function monthText(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

export const KIND_LABELS: Record<UtilityKind, string> = { water: '水', power: '电', gas: '气', heating: '暖' };
export const KIND_NAMES: Record<UtilityKind, string> = {
  water: '水费',
  power: '电费',
  gas: '燃气费',
  heating: '供暖费',
};

export const REPAIR_STATUS: Record<RepairStatus, string> = {
  submitted: '已提交',
  received: '已受理',
  dispatched: '已派单',
  fixed: '已修复',
};

export const REPAIR_PROBLEMS = {
  'no-supply': '停水停电停气',
  leak: '漏水漏气',
  meter: '表具故障',
  pressure: '水压气压不足',
  other: '其他',
} as const;

/** The four companies (config/city.yml `utilities`), for the repair form. */
export const COMPANIES = [
  { id: 'ut-water', name: '自来水', kind: 'water' },
  { id: 'ut-power', name: '供电', kind: 'power' },
  { id: 'ut-gas', name: '燃气', kind: 'gas' },
  { id: 'ut-heat', name: '供暖', kind: 'heating' },
] as const;

export { newKey, routeParam } from '@/lib/route';
export { yuan, cityDayText as shanghaiDay, cityMonthDayTime as shanghaiTime };
