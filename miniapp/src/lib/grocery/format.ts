import type { Category, OrderStatus } from '@citycare/contract';

/**
 * Labels and formatting shared by the grocery pages (residents, stores, workers). Type-only
 * imports from the contract: its runtime labels would bring zod into the bundle.
 */
export const CATEGORY_ORDER: Category[] = ['vegetables', 'meat-eggs', 'grain-oil', 'daily-goods', 'medical'];

export const CATEGORY_LABELS: Record<Category, string> = {
  vegetables: '蔬菜',
  'meat-eggs': '肉禽蛋',
  'grain-oil': '粮油',
  'daily-goods': '日用品',
  medical: '药品与防护用品',
};

export const STATUS_LABELS: Record<OrderStatus, string> = {
  placed: '已下单',
  accepted: '商户已接单',
  prepared: '已备货',
  'out-for-delivery': '配送中',
  delivered: '已送达',
  cancelled: '已取消',
  rejected: '商户已拒单',
};

/** The steps every order goes through, for the timeline. */
export const STATUS_STEPS: OrderStatus[] = ['placed', 'accepted', 'prepared', 'out-for-delivery', 'delivered'];

export const PAYMENT_LABELS = {
  pending: '未支付',
  paid: '已支付',
  cancelled: '已取消',
  refunding: '退款中',
  refunded: '已退款',
} as const;

/** A household's share of a group order: paid or not, and after a rejected group order refunded or cancelled. */
export function shareState(share: { paid: boolean; released?: boolean }): {
  text: string;
  tone: 'green' | 'orange' | 'red';
} {
  if (share.released) return share.paid ? { text: '已退款', tone: 'red' } : { text: '已取消', tone: 'red' };
  return share.paid ? { text: '已支付', tone: 'green' } : { text: '未支付', tone: 'orange' };
}
export const METHOD_LABELS = { 'on-delivery': '货到后手机支付', prepaid: '在线预付' } as const;

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** 5830 -> `58.30` */
export function yuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function shanghai(iso: string): Date {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
}

const hhmm = (d: Date) => `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;

/** `2月10日 10:05` in Asia/Shanghai. */
export function timeText(iso: string): string {
  const d = shanghai(iso);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hhmm(d)}`;
}

/** A delivery window: `2月11日 09:00–11:00`. */
export function windowText(startsAt: string, endsAt: string): string {
  return `${timeText(startsAt)}–${hhmm(shanghai(endsAt))}`;
}

/** A fresh Idempotency-Key for one user action (reused while that action is retried). */
export function newKey(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A page's query parameter on both platforms. */
export function routeParam(params: Record<string, string | undefined> | undefined, name: string): string {
  const value = params?.[name];
  return value ? decodeURIComponent(value) : '';
}

/** An ISO instant from a Shanghai date (`2020-02-11`) and time (`09:00`). */
export function shanghaiIso(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

/** Today (or `days` from now) as a Shanghai date, `2020-02-11`. */
export function shanghaiDate(days = 0): string {
  return new Date(Date.now() + days * 86400_000 + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
