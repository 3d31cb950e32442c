import { Text } from '@tarojs/components';
import type { Order, OrderLine } from '@citycare/contract';
import { yuan } from './format';

/**
 * What every audience sees of 隔离户优先 and of the store's substitutions: the badge (text and a
 * glyph, never colour alone), each line as ordered and as it will arrive (原商品 → 替换为, or
 * 缺货未配), and the money that follows (退差价 for a prepaid order, 少收 at the door otherwise).
 */
const strings = {
  priority: '隔离户优先',
  priorityLabel: '隔离户优先：红码或黄码家庭的订单，请优先处理',
  original: '原商品',
  replacedBy: '替换为',
  dropped: '缺货未配，不收钱',
  refund: (fen: number, done: boolean) => `退差价 ¥${yuan(fen)}（${done ? '已退回微信' : '退款中'}）`,
  refundDue: (fen: number) => `退差价 ¥${yuan(fen)}（备货完成后退回微信）`,
  lessAtDoor: (fen: number, total: number) => `缺货少收 ¥${yuan(fen)}，按 ¥${yuan(total)} 收款`,
};

export function PriorityBadge() {
  return (
    <Text className="tag tag--red priority-badge" aria-label={strings.priorityLabel}>
      ⚑ {strings.priority}
    </Text>
  );
}

/** One line as it will arrive: the replaced item with what was ordered, or the line dropped. */
export function LineChange({ line }: { line: OrderLine }) {
  if (line.dropped) {
    return (
      <Text className="muted line-change line-change--dropped">
        ✕ {line.name} × {line.qty}
        {line.unit}：{strings.dropped}
      </Text>
    );
  }
  if (!line.replaced) return null;
  return (
    <Text className="muted line-change">
      {strings.original} {line.replaced.name}（¥{yuan(line.replaced.priceFen)}/{line.replaced.unit}） →{' '}
      {strings.replacedBy} {line.name}（¥{yuan(line.priceFen)}/{line.unit}）
    </Text>
  );
}

/** The money the store's changes made, or nothing when there were none. */
export function differenceText(order: Order): string | undefined {
  if (order.originalTotalFen === undefined) return undefined;
  const fen = order.originalTotalFen - order.totalFen;
  if (fen <= 0) return undefined;
  if (order.payment.method === 'on-delivery') return strings.lessAtDoor(fen, order.totalFen);
  if (order.differenceRefund)
    return strings.refund(order.differenceRefund.fen, order.differenceRefund.state === 'refunded');
  if (order.payment.state === 'refunding' || order.payment.state === 'refunded')
    return strings.refund(fen, order.payment.state === 'refunded');
  return strings.refundDue(fen);
}
