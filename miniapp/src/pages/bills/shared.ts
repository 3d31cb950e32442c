import type { RepairStatus, UtilityKind } from '@citycare/contract';

/**
 * Formatting and labels shared by the utility pages (生活缴费 and the utility staff tools).
 * Type-only imports from the contract: nothing of zod reaches the bundle.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** 5830 -> `58.30` */
export function yuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** An instant as a Shanghai date: `2020年7月30日`. */
export function shanghaiDay(iso: string): string {
  const d = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** The last protected day of an exclusive end instant. */
export function lastDay(iso: string): string {
  return shanghaiDay(new Date(Date.parse(iso) - 1).toISOString());
}

/** An instant as Shanghai date and time: `2月10日 10:05`. */
export function shanghaiTime(iso: string): string {
  const d = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`;
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

/** A fresh Idempotency-Key for one user action (reused if that action is retried). */
export function newKey(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Reads a page's query parameter on both platforms. */
export function routeParam(params: Record<string, string | undefined> | undefined, name: string): string {
  const value = params?.[name];
  return value ? decodeURIComponent(value) : '';
}
