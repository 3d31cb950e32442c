import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Order } from '@citycare/contract';
import { api, errorMessage } from '@/api';
import { STATUS_LABELS } from '@/lib/grocery/format';
import { confirmOrQueue, newConfirmation } from '../../lib/delivery-queue';

const strings = {
  address: (o: Order) => `${o.address.building}号楼 ${o.address.unit}单元 ${o.address.room}`,
  contactless: '无接触：放在门口',
  pickup: '社区自提点自取',
  group: '团购，按户分发',
  dispatch: '开始配送',
  code: '请输入居民的 6 位取货码',
  confirm: '确认送达',
  scan: '扫码',
  needCode: '取货码是 6 位数字',
  delivered: '已确认送达',
  queuedToast: '没有网络，已保存，联网后自动上传',
  waiting: '已确认，等待联网上传',
};

interface Props {
  order: Order;
  pending: boolean;
  onChange: () => void;
}

/** One order on the worker's list: dispatch it, then confirm it with the resident's pickup code. */
export default function OrderItem({ order, pending, onChange }: Props) {
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const dispatch = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await api('groceryAdvance', { params: { orderId: order.orderId }, body: { action: 'dispatch' } });
      onChange();
    } catch {
      // shown by the adapter
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (value = code) => {
    const pickupCode = value.trim();
    if (!/^\d{6}$/.test(pickupCode)) return setProblem(strings.needCode);
    if (busy) return;
    setBusy(true);
    setProblem('');
    try {
      const outcome = await confirmOrQueue(newConfirmation(order.orderId, pickupCode));
      void Taro.showToast({
        title: outcome === 'delivered' ? strings.delivered : strings.queuedToast,
        icon: outcome === 'delivered' ? 'success' : 'none',
      });
      onChange();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true });
      const digits = /\d{6}/.exec(result)?.[0] ?? '';
      setCode(digits);
      if (digits) await confirm(digits);
      else setProblem(strings.needCode);
    } catch {
      // the worker closed the scanner
    }
  };

  const weapp = process.env.TARO_ENV === 'weapp';
  return (
    <View className={`deliveries__order${busy ? ' gr-busy' : ''}`}>
      <View className="gr-row">
        <Text className="gr-title">{strings.address(order)}</Text>
        <Text className="gr-tag gr-tag--orange deliveries__status">{STATUS_LABELS[order.status]}</Text>
      </View>
      <Text className="gr-sub">
        {order.contact.name} {order.contact.phone} · {order.storeName}
      </Text>
      <Text className="gr-sub">{order.lines.map((l) => `${l.name} ×${l.qty}${l.unit}`).join('，')}</Text>
      <View>
        {order.fulfilment === 'pickup' && <Text className="gr-tag">{strings.pickup}</Text>}
        {order.fulfilment === 'delivery' && order.contactless && (
          <Text className="gr-tag gr-tag--green">{strings.contactless}</Text>
        )}
        {order.kind === 'group' && <Text className="gr-tag">{strings.group}</Text>}
      </View>
      {pending && <Text className="gr-notice gr-notice--orange deliveries__pending">{strings.waiting}</Text>}
      {!pending && order.status === 'prepared' && (
        <View className="gr-actions">
          <Text className="gr-action deliveries__dispatch" onClick={dispatch}>
            {strings.dispatch}
          </Text>
        </View>
      )}
      {!pending && order.status === 'out-for-delivery' && (
        <View className="deliveries__confirm">
          <Input
            className="form-input deliveries__code"
            type="number"
            maxlength={6}
            value={code}
            placeholder={strings.code}
            onInput={(e) => setCode(e.detail.value)}
          />
          {problem && <Text className="gr-problem">{problem}</Text>}
          <View className="gr-actions">
            <Text className="gr-action deliveries__confirm-btn" onClick={() => void confirm()}>
              {strings.confirm}
            </Text>
            {weapp && (
              <Text className="gr-action gr-action--plain" onClick={scan}>
                {strings.scan}
              </Text>
            )}
          </View>
        </View>
      )}
    </View>
  );
}
