import { Button, Text, View } from '@tarojs/components';
import { yuan } from '@/pages/bills/shared';
import { unavailable } from '@/lib/a11y';
import type { Quote } from './pay';

const strings = {
  title: '核对代缴金额',
  account: (no: string, n: number) => `户号 ${no} · ${n} 笔账单`,
  lateFee: (y: string) => `含滞纳金 ¥${y}`,
  total: '合计',
  note: '确认金额无误后，用微信支付一次付清。微信支付确认收款后，这些账单才会显示已缴。',
  pay: (y: string) => `微信支付 ¥${y}`,
  paying: '正在支付…',
  back: '重新选择',
};

/** The quoted households and total, and the two choices: pay it, or choose again. */
export default function QuoteCard({
  quote,
  busy,
  onPay,
  onBack,
}: {
  quote: Quote;
  busy: boolean;
  onPay: () => void;
  onBack: () => void;
}) {
  return (
    <View className="card bulk__quote">
      <Text className="title">{strings.title}</Text>
      {quote.accounts.map((a) => (
        <View className="row" key={a.accountNo}>
          <View className="row__main">
            <Text className="title">
              {a.holderMasked} · {a.companyName}
            </Text>
            <Text className="muted">{a.address}</Text>
            <Text className="muted">{strings.account(a.accountNo, a.bills)}</Text>
            {a.lateFeeFen > 0 && <Text className="tag tag--red">{strings.lateFee(yuan(a.lateFeeFen))}</Text>}
          </View>
          <Text className="amount amount--due">¥{yuan(a.amountFen)}</Text>
        </View>
      ))}
      <View className="bulk__total">
        <Text className="title">{strings.total}</Text>
        <Text className="bulk__total-amount">¥{yuan(quote.amountFen)}</Text>
      </View>
      <Text className="muted bulk__note">{strings.note}</Text>
      <Button className={`btn${busy ? ' btn--busy' : ''}`} onClick={onPay} {...unavailable(busy)}>
        {busy ? strings.paying : strings.pay(yuan(quote.amountFen))}
      </Button>
      <Button className="btn btn--plain" onClick={onBack}>
        {strings.back}
      </Button>
    </View>
  );
}
