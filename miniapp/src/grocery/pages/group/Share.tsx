import { Button, Text, View } from '@tarojs/components';
import type { HouseholdShare } from '@citycare/contract';
import { shareState, yuan } from '@/lib/grocery/format';

const strings = {
  myShare: '我的份额',
  pay: (y: string) => `去支付 ¥${y}`,
  paying: '正在支付…',
  unpaid: '这份还没有支付。请在截止前付款，到时仍未支付的份额会自动取消，商品退回。',
  confirming: '支付结果确认中…以微信支付的通知为准，确认后这里会显示“已支付”。',
  confirmingTag: '支付结果确认中…',
  checkAgain: '刷新支付结果',
  refunding: (y: string) => `已申请退款 ¥${y}，会原路退回您的微信支付，以微信支付的通知为准。`,
  refunded: (y: string) => `¥${y} 已退回您的微信支付。`,
  lapsed: '没有按时付款，这份已取消，商品已退回。',
  checkRefund: '刷新退款进度',
  checking: '正在查询…',
};

export type ShareWork = '' | 'paying' | 'checking';

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
  const total = yuan(share.totalFen);
  const busy = work !== '' ? ' btn--busy' : '';
  const tag = state === 'pending' && confirming ? { text: strings.confirmingTag, tone: 'orange' } : shareState(share);
  const check = (label: string) => (
    <Button className={`btn btn--plain group__check${busy}`} onClick={props.onCheck}>
      {work === 'checking' ? strings.checking : label}
    </Button>
  );
  return (
    <View className="card group__share">
      <Text className="form-label">{strings.myShare}</Text>
      <Text className="gr-sub">{share.household}</Text>
      {share.lines.map((l) => (
        <View className="gr-row" key={l.itemId}>
          <Text className="gr-title">
            {l.name} × {l.qty}
            {l.unit}
          </Text>
          <Text className="gr-price">¥{yuan(l.lineFen)}</Text>
        </View>
      ))}
      <Text className={`gr-tag gr-tag--${tag.tone} group__state`}>{tag.text}</Text>
      {state === 'pending' && !share.released && (
        <>
          <Text className="gr-notice gr-notice--orange">{confirming ? strings.confirming : strings.unpaid}</Text>
          {!confirming && (
            <Button className={`btn group__pay${busy}`} onClick={props.onPay}>
              {work === 'paying' ? strings.paying : strings.pay(total)}
            </Button>
          )}
          {confirming && check(strings.checkAgain)}
        </>
      )}
      {state === 'refunding' && (
        <>
          <Text className="gr-notice gr-notice--orange">{strings.refunding(total)}</Text>
          {check(strings.checkRefund)}
        </>
      )}
      {state === 'refunded' && <Text className="gr-notice">{strings.refunded(total)}</Text>}
      {state === 'cancelled' && <Text className="gr-notice gr-notice--orange">{strings.lapsed}</Text>}
    </View>
  );
}
