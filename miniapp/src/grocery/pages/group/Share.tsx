import { Text, View } from '@tarojs/components';
import type { HouseholdShare } from '@citycare/contract';
import { Notice } from '@/components/form';
import PayPanel, { type PayWork } from '@/grocery/lib/PayPanel';
import { shareState, yuan } from '@/lib/grocery/format';

const strings = {
  myShare: '我的份额',
  unpaid: '这份还没有支付。请在截止前付款，到时仍未支付的份额会自动取消，商品退回。',
  confirming: '支付结果确认中…以微信支付的通知为准，确认后这里会显示“已支付”。',
  confirmingTag: '支付结果确认中…',
  lapsed: '没有按时付款，这份已取消，商品已退回。',
};

export type ShareWork = PayWork;

/**
 * A household's own share of a group order and its WeChat Pay payment: 去支付 while unpaid,
 * 支付结果确认中… until WeChat Pay confirms (never shown as paid before), 已支付, and the
 * refund's progress (退款中 / 已退款) after the group order was given up.
 */
export default function Share(props: {
  share: HouseholdShare;
  /** The payer confirmed in the cashier; WeChat Pay has not said so yet. */
  confirming: boolean;
  work: ShareWork;
  onPay: () => void;
  onCheck: () => void;
}) {
  const { share, confirming, work } = props;
  const state = share.payment?.state ?? (share.paid ? 'paid' : 'pending');
  const tag = state === 'pending' && confirming ? { text: strings.confirmingTag, tone: 'orange' } : shareState(share);
  const shown =
    state === 'pending' && !share.released ? 'unpaid' : state === 'refunding' || state === 'refunded' ? state : null;
  return (
    <View className="card group__share">
      <Text className="card__title">{strings.myShare}</Text>
      <Text className="muted">{share.household}</Text>
      {share.lines.map((l) => (
        <View className="row" key={l.itemId}>
          <Text className="title">
            {l.name} × {l.qty}
            {l.unit}
          </Text>
          <Text className="price">¥{yuan(l.lineFen)}</Text>
        </View>
      ))}
      <Text className={`tag tag--${tag.tone} group__state`}>{tag.text}</Text>
      {shown && (
        <PayPanel
          prefix="group"
          state={shown}
          total={yuan(share.totalFen)}
          confirming={confirming}
          work={work}
          unpaid={strings.unpaid}
          confirmingText={strings.confirming}
          onPay={props.onPay}
          onCheck={props.onCheck}
        />
      )}
      {state === 'cancelled' && <Notice tone="warn">{strings.lapsed}</Notice>}
    </View>
  );
}
