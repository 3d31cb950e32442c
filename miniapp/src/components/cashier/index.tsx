import { useState, useSyncExternalStore } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { yuan } from '@/lib/grocery/format';
import { currentCashier, subscribe } from './store';
import { answerCashier } from './sim';
import { unavailable } from '@/lib/a11y';
import './index.css';

const strings = {
  title: '微信支付',
  simulated: '本地模拟收银台（不会扣款）',
  payee: '收款方',
  item: '商品',
  confirm: '确认支付',
  paying: '正在支付…',
  cancel: '取消',
  failed: '支付未成功，请稍后再试',
};

/**
 * The simulated WeChat Pay cashier of H5 builds: amount, payee, 确认支付 / 取消, in large type.
 * A page that takes payments renders one `<CashierHost />`; it shows only while `openCashier`
 * (pay.ts) waits for the payer, and tells the simulator what the payer did. On weapp, WeChat's
 * own cashier opens instead and this renders nothing.
 */
export function CashierHost() {
  const cashier = useSyncExternalStore(subscribe, currentCashier, currentCashier);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (!cashier) return null;

  const answer = async (action: 'confirm' | 'cancel') => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const taken = await answerCashier(cashier.prepayId, action);
      if (action === 'cancel') cashier.settle('cancelled');
      else if (taken) cashier.settle('confirmed');
      else setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="cashier" catchMove>
      <View className="cashier__sheet">
        <Text className="cashier__title">{strings.title}</Text>
        <Text className="cashier__note">{strings.simulated}</Text>
        <Text className="cashier__amount">¥{yuan(cashier.amountFen)}</Text>
        <View className="cashier__row">
          <Text className="cashier__label">{strings.payee}</Text>
          <Text className="cashier__value">{cashier.merchant}</Text>
        </View>
        {cashier.description && (
          <View className="cashier__row">
            <Text className="cashier__label">{strings.item}</Text>
            <Text className="cashier__value">{cashier.description}</Text>
          </View>
        )}
        {failed && <Text className="cashier__error">{strings.failed}</Text>}
        <Button
          className={`btn cashier__confirm${busy ? ' btn--busy' : ''}`}
          onClick={() => void answer('confirm')}
          {...unavailable(busy)}
        >
          {busy ? strings.paying : strings.confirm}
        </Button>
        <Button className="btn btn--plain cashier__cancel" onClick={() => void answer('cancel')}>
          {strings.cancel}
        </Button>
      </View>
    </View>
  );
}
