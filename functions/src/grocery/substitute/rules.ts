import type { OrderLine, OrderStatus, SubstituteRequest } from '@citycare/contract';
import type { Refused } from '../refusals';
import { lineTotal } from '../checkout/rules';

/**
 * Pure rules of a store's change to an order while preparing (issue 14): a line replaced by a
 * similar item (同类替换: same category, unit price no higher, never a scarce item) where the
 * resident allowed it, or dropped (always allowed). The order's total is recomputed from its
 * lines; a prepaid order gets the difference back through WeChat Pay when the store marks it
 * prepared, a pay-on-delivery order is simply collected for less. All money in whole fen.
 */

export type StoredLine = OrderLine & { dailyLimit?: number };

/** The catalogue row a line is replaced with, as read. */
export interface Candidate {
  itemId: string;
  name: string;
  unit: string;
  category: OrderLine['category'];
  priceFen: number;
  stock: number;
  dailyLimit?: number;
}

export interface Substitutable {
  kind: 'single' | 'group';
  status: OrderStatus;
  storeId: string;
  paymentMethod: 'on-delivery' | 'prepaid';
  paymentState: string;
  lines: StoredLine[];
}

/** Why the store's change cannot be made, read off the order and the replacement as they are now. */
export function whyNoChange(
  order: Substitutable,
  request: SubstituteRequest,
  storeScopes: string[],
  candidate: Candidate | undefined,
): Refused | null {
  if (!storeScopes.includes(order.storeId)) return { code: 'FORBIDDEN', message: '这不是您店里的订单' };
  if (order.status !== 'accepted') {
    return { code: 'CONFLICT', message: '只有接单后、备货完成前的订单可以替换或删除商品' };
  }
  if (order.kind !== 'single') return { code: 'CONFLICT', message: '团购订单暂不支持替换，请联系社区工作人员' };
  if (order.paymentMethod === 'prepaid' && order.paymentState !== 'paid') {
    return { code: 'CONFLICT', message: '居民还没有付款，请等付款后再替换或删除商品' };
  }
  const line = order.lines.find((l) => l.itemId === request.itemId);
  if (!line) return { code: 'NOT_FOUND', message: '订单里没有这件商品' };
  if (line.replaced || line.dropped) return { code: 'CONFLICT', message: `${line.name} 已经替换或删除过了` };
  if (request.action === 'drop') return null;
  if (line.substitution !== 'similar') {
    return { code: 'CONFLICT', message: `居民选择了“不替换”：${line.name} 缺货时只能删除，不能换成别的商品` };
  }
  if (!candidate) return { code: 'NOT_FOUND', message: '店里没有这件替换商品' };
  if (candidate.itemId === line.itemId) return { code: 'UNPROCESSABLE', message: '替换商品不能是原商品' };
  if (order.lines.some((l) => l.itemId === candidate.itemId)) {
    return { code: 'UNPROCESSABLE', message: `订单里已经有 ${candidate.name}，请换一种商品` };
  }
  if (candidate.category !== line.category) {
    return { code: 'UNPROCESSABLE', message: `只能换成同一类的商品：${candidate.name} 和 ${line.name} 不是一类` };
  }
  if (candidate.priceFen > line.priceFen) {
    return { code: 'UNPROCESSABLE', message: `替换商品的单价不能高于原商品：${candidate.name} 比 ${line.name} 贵` };
  }
  if (candidate.unit !== line.unit) {
    return { code: 'UNPROCESSABLE', message: `替换商品的计量单位要相同（${line.unit}），居民才知道换了多少` };
  }
  if (candidate.dailyLimit !== undefined) return { code: 'UNPROCESSABLE', message: '限购商品不能用作替换' };
  if (candidate.stock < line.qty) {
    return {
      code: 'CONFLICT',
      message: `${candidate.name} 库存不足，只剩 ${Math.max(0, candidate.stock)}${candidate.unit}`,
    };
  }
  return null;
}

/** The order's lines after the change: the line replaced (keeping what was ordered) or dropped (charged 0). */
export function changedLines(lines: StoredLine[], request: SubstituteRequest, candidate?: Candidate): StoredLine[] {
  return lines.map((l) => {
    if (l.itemId !== request.itemId) return l;
    if (request.action === 'drop') return { ...l, dropped: true, lineFen: 0 };
    const c = candidate as Candidate;
    const { dailyLimit: _limit, ...kept } = l;
    return {
      ...kept,
      itemId: c.itemId,
      name: c.name,
      unit: c.unit,
      priceFen: c.priceFen,
      lineFen: lineTotal(c.priceFen, l.qty),
      replaced: { itemId: l.itemId, name: l.name, unit: l.unit, priceFen: l.priceFen },
    };
  });
}

/** What the order costs now: its lines' totals, a dropped line counting nothing. */
export function recomputedTotal(lines: Pick<StoredLine, 'lineFen' | 'dropped'>[]): number {
  return lines.reduce((sum, l) => sum + (l.dropped ? 0 : l.lineFen), 0);
}

/**
 * The money after the store's changes: what is charged now, and what goes back — for a prepaid
 * order, refunded through WeChat Pay; for pay on delivery, nothing (it is collected for less).
 */
export function settlement(
  paidOrOrderedFen: number,
  lines: Pick<StoredLine, 'lineFen' | 'dropped'>[],
  method: 'on-delivery' | 'prepaid',
): { totalFen: number; differenceFen: number; refundFen: number } {
  const totalFen = recomputedTotal(lines);
  const differenceFen = paidOrOrderedFen - totalFen;
  return { totalFen, differenceFen, refundFen: method === 'prepaid' ? differenceFen : 0 };
}
