import { View } from '@tarojs/components';
import type { Order } from '@citycare/contract';
import PayPanel, { type PayWork } from '@/grocery/lib/PayPanel';
import { yuan } from '@/lib/grocery/format';

const strings = {
  unpaid: '订单还没有支付。到时仍未支付的订单会自动取消，商品和送货名额会退回。',
  confirming: '支付结果确认中…以微信支付的通知为准，确认后订单会显示“已支付”。',
};

export type PaymentWork = PayWork;

/**
 * What a prepaid order's payment asks of the resident: 去支付 while unpaid, 刷新支付结果 while
 * WeChat Pay has not confirmed a payment, the refund's progress after a paid order ended. Pay on
 * delivery shows nothing here: the worker collects at the door.
 */
export default function Payment(props: {
  order: Order;
  /** The payer confirmed in the cashier; WeChat Pay has not said so yet. */
  confirming: boolean;
  work: PaymentWork;
  onPay: () => void;
  onCheck: () => void;
  onRefresh: () => void;
}) {
  const { order } = props;
  if (order.payment.method !== 'prepaid') return null;
  const open = order.status !== 'cancelled' && order.status !== 'rejected';
  const state = order.payment.state;
  const shown = state === 'pending' && open ? 'unpaid' : state === 'refunding' || state === 'refunded' ? state : null;
  if (!shown) return null;
  return (
    <View className="order__payment-panel">
      <PayPanel
        prefix="order"
        state={shown}
        total={yuan(order.totalFen)}
        confirming={props.confirming}
        work={props.work}
        unpaid={strings.unpaid}
        confirmingText={strings.confirming}
        checkBeforePaying
        onPay={props.onPay}
        onCheck={shown === 'unpaid' ? props.onCheck : props.onRefresh}
      />
    </View>
  );
}
