import { Button } from '@tarojs/components';
import { unavailable } from '@/lib/a11y';
import { Notice } from '@/components/form';

const strings = {
  pay: (y: string) => `去支付 ¥${y}`,
  paying: '正在支付…',
  checkAgain: '刷新支付结果',
  refunding: (y: string) => `已申请退款 ¥${y}，会原路退回您的微信支付，以微信支付的通知为准。`,
  refunded: (y: string) => `¥${y} 已退回您的微信支付。`,
  checkRefund: '刷新退款进度',
  checking: '正在查询…',
};

export type PayWork = '' | 'paying' | 'checking';

/**
 * What a prepaid order or a group share asks of its payer in WeChat Pay: while unpaid, the rule
 * (or 确认中… once the payer confirmed in the cashier) and 去支付; while a refund runs, its
 * progress; once refunded, where the money went. Buttons are `${prefix}__pay` / `${prefix}__check`.
 */
export default function PayPanel(props: {
  prefix: string;
  state: 'unpaid' | 'refunding' | 'refunded';
  /** Yuan, e.g. 12.50. */
  total: string;
  /** The payer confirmed in the cashier; WeChat Pay has not said so yet. */
  confirming: boolean;
  work: PayWork;
  /** The rule while unpaid, and the line while WeChat Pay confirms. */
  unpaid: string;
  confirmingText: string;
  /** 刷新支付结果 before the payer has paid too (an order), or only once confirming (a share). */
  checkBeforePaying?: boolean;
  onPay: () => void;
  onCheck: () => void;
}) {
  const { prefix, state, total, confirming, work } = props;
  const busy = work !== '' ? ' btn--busy' : '';
  const check = (label: string) => (
    <Button className={`btn btn--plain ${prefix}__check${busy}`} onClick={props.onCheck} {...unavailable(work !== '')}>
      {work === 'checking' ? strings.checking : label}
    </Button>
  );
  if (state === 'refunded') return <Notice tone="success">{strings.refunded(total)}</Notice>;
  if (state === 'refunding') {
    return (
      <>
        <Notice tone="warn">{strings.refunding(total)}</Notice>
        {check(strings.checkRefund)}
      </>
    );
  }
  return (
    <>
      <Notice tone="warn">{confirming ? props.confirmingText : props.unpaid}</Notice>
      {!confirming && (
        <Button className={`btn ${prefix}__pay${busy}`} onClick={props.onPay} {...unavailable(work !== '')}>
          {work === 'paying' ? strings.paying : strings.pay(total)}
        </Button>
      )}
      {(confirming || props.checkBeforePaying) && check(strings.checkAgain)}
    </>
  );
}
