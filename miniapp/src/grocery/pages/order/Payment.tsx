import { Button, Text, View } from '@tarojs/components';
import type { Order } from '@citycare/contract';
import { yuan } from '@/lib/grocery/format';

const strings = {
  pay: (y: string) => `去支付 ¥${y}`,
  paying: '正在支付…',
  unpaid: '订单还没有支付。到时仍未支付的订单会自动取消，商品和送货名额会退回。',
  confirming: '支付结果确认中…以微信支付的通知为准，确认后订单会显示“已支付”。',
  checkAgain: '刷新支付结果',
  refunding: (y: string) => `已申请退款 ¥${y}，会原路退回您的微信支付，以微信支付的通知为准。`,
  refunded: (y: string) => `¥${y} 已退回您的微信支付。`,
  checkRefund: '刷新退款进度',
  checking: '正在查询…',
};

export type PaymentWork = '' | 'paying' | 'checking';

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
  const { order, confirming, work } = props;
  if (order.payment.method !== 'prepaid') return null;
  const open = order.status !== 'cancelled' && order.status !== 'rejected';
  const total = yuan(order.totalFen);
  const state = order.payment.state;
  const busy = work !== '' ? ' btn--busy' : '';

  if (state === 'pending' && open) {
    return (
      <View className="order__payment-panel">
        <Text className="gr-notice gr-notice--orange">{confirming ? strings.confirming : strings.unpaid}</Text>
        {!confirming && (
          <Button className={`btn order__pay${busy}`} onClick={props.onPay}>
            {work === 'paying' ? strings.paying : strings.pay(total)}
          </Button>
        )}
        <Button className={`btn btn--plain order__check${busy}`} onClick={props.onCheck}>
          {work === 'checking' ? strings.checking : strings.checkAgain}
        </Button>
      </View>
    );
  }
  if (state === 'refunding') {
    return (
      <View className="order__payment-panel">
        <Text className="gr-notice gr-notice--orange">{strings.refunding(total)}</Text>
        <Button className={`btn btn--plain order__check${busy}`} onClick={props.onRefresh}>
          {work === 'checking' ? strings.checking : strings.checkRefund}
        </Button>
      </View>
    );
  }
  if (state === 'refunded') return <Text className="gr-notice order__payment-panel">{strings.refunded(total)}</Text>;
  return null;
}
