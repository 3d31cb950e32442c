import type { Category, Collected, Order, OrderStatus } from '@citycare/contract';
import { cityClock, cityDate, cityMonthDayTime, DAY_MS } from '@citycare/contract/src/common';

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

/**
 * An order's payment as its page says it. A prepaid order paid in the cashier but not yet
 * confirmed by WeChat Pay's notification is 支付结果确认中…, never 已支付.
 */
export function paymentStateText(state: Order['payment']['state'], confirming = false): string {
  return state === 'pending' && confirming ? '支付结果确认中…' : PAYMENT_LABELS[state];
}

export const PAYMENT_TONES: Record<Order['payment']['state'], 'green' | 'orange' | 'red'> = {
  pending: 'orange',
  paid: 'green',
  cancelled: 'red',
  refunding: 'orange',
  refunded: 'green',
};

/** A household's share of a group order: paid or not, and after a rejected group order refunded or cancelled. */
export function shareState(share: { paid: boolean; released?: boolean; payment?: { state: string } }): {
  text: string;
  tone: 'green' | 'orange' | 'red';
} {
  const state = share.payment?.state;
  if (state === 'refunding') return { text: '退款中', tone: 'orange' };
  if (state === 'refunded') return { text: '已退款', tone: 'red' };
  if (share.released) return share.paid ? { text: '已退款', tone: 'red' } : { text: '已取消', tone: 'red' };
  return share.paid ? { text: '已支付', tone: 'green' } : { text: '未支付', tone: 'orange' };
}
export const METHOD_LABELS = { 'on-delivery': '货到付款', prepaid: '在线预付' } as const;

/** How a community worker collected a pay-on-delivery order at the door. */
export const COLLECTED_LABELS: Record<Collected, string> = { cash: '现金', scan: '扫码' };

/**
 * How an order is paid, in one line: `货到付款 · 已收款（现金）`, `货到付款 · 送达时付款`; a prepaid
 * order's state is its tag (paymentStateText), so here only `在线预付`.
 */
export function paymentText(p: Order['payment']): string {
  const method = METHOD_LABELS[p.method];
  if (p.method !== 'on-delivery') return method;
  if (p.collected) return `${method} · 已收款（${COLLECTED_LABELS[p.collected]}）`;
  return `${method} · ${p.state === 'pending' ? '送达时付款' : PAYMENT_LABELS[p.state]}`;
}

/** A delivery window: `2月11日 09:00–11:00`. */
export function windowText(startsAt: string, endsAt: string): string {
  return `${cityMonthDayTime(startsAt)}–${cityClock(endsAt)}`;
}

/** Today (or `days` from now) as a city date, `2020-02-11`. */
export function shanghaiDate(days = 0): string {
  return cityDate(Date.now() + days * DAY_MS);
}

export { newKey, routeParam } from '@/lib/route';
export { yuan, cityMonthDayTime as timeText, cityInstant as shanghaiIso } from '@citycare/contract/src/common';
