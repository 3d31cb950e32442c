import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Collected, Order } from '@citycare/contract';
import { Chips, Field, FieldError, Notice, useSubmit } from '@/components/form';
import { api } from '@/api';
import { COLLECTED_LABELS, STATUS_LABELS, yuan } from '@/lib/grocery/format';
import { differenceText, LineChange, PriorityBadge } from '@/lib/grocery/Substitutions';
import { confirmOrQueue, newConfirmation } from '../../lib/delivery-queue';

const strings = {
  address: (o: Order) => `${o.address.building}号楼 ${o.address.unit}单元 ${o.address.room}`,
  contactless: '无接触：放在门口',
  pickup: '社区自提点自取',
  group: '团购，按户分发',
  dispatch: '开始配送',
  code: '请输入居民的 6 位取货码',
  confirm: '确认送达',
  collectAndConfirm: '已收款，确认送达',
  scan: '扫取货码',
  needCode: '取货码是 6 位数字',
  due: (fen: number) => `货到付款：请向居民收取 ¥${yuan(fen)}`,
  how: '怎么收的款',
  cash: '现金',
  byScan: '扫码（居民扫我的收款码）',
  needHow: '请先选择收款方式：现金或扫码',
  collected: (how: Collected) => `已收款（${COLLECTED_LABELS[how]}）`,
  delivered: '已确认送达',
  queuedToast: '没有网络，已保存，联网后自动上传',
  waiting: '已确认，等待联网上传',
};

interface Props {
  order: Order;
  pending: boolean;
  onChange: () => void;
}

/**
 * One order on the worker's list: dispatch it, then confirm it with the resident's pickup code;
 * a pay-on-delivery order with the money collected at the door (已收款: cash or scan) as well.
 */
export default function OrderItem({ order, pending, onChange }: Props) {
  const [code, setCode] = useState('');
  const [how, setHow] = useState<Collected | undefined>();
  const submit = useSubmit();
  const cod = order.payment.method === 'on-delivery' && order.payment.state === 'pending';
  const difference = differenceText(order);

  const dispatch = () =>
    submit.run(async () => {
      await api('groceryAdvance', { params: { orderId: order.orderId }, body: { action: 'dispatch' }, quiet: true });
      onChange();
    });

  const confirm = (value = code) =>
    submit.run(
      async () => {
        const outcome = await confirmOrQueue(newConfirmation(order.orderId, value.trim(), cod ? how : undefined));
        void Taro.showToast({
          title: outcome === 'delivered' ? strings.delivered : strings.queuedToast,
          icon: outcome === 'delivered' ? 'success' : 'none',
        });
        onChange();
      },
      {
        check: () => {
          if (cod && !how) return strings.needHow;
          return /^\d{6}$/.test(value.trim()) ? '' : strings.needCode;
        },
      },
    );

  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true });
      const digits = /\d{6}/.exec(result)?.[0] ?? '';
      setCode(digits);
      await confirm(digits);
    } catch {
      // the worker closed the scanner
    }
  };

  const weapp = process.env.TARO_ENV === 'weapp';
  return (
    <View className={`deliveries__order${submit.busy ? ' busy' : ''}`}>
      <View className="row">
        <Text className="title">{strings.address(order)}</Text>
        <Text className="tag tag--orange deliveries__status">{STATUS_LABELS[order.status]}</Text>
      </View>
      <Text className="muted">
        {order.contact.name} {order.contact.phone} · {order.storeName}
      </Text>
      <Text className="muted">
        {order.lines
          .filter((l) => !l.dropped)
          .map((l) => `${l.name} ×${l.qty}${l.unit}`)
          .join('，')}
      </Text>
      {order.lines.map((l) => (
        <LineChange key={l.itemId} line={l} />
      ))}
      {difference && <Text className="muted deliveries__difference">{difference}</Text>}
      <View>
        {order.priority && <PriorityBadge />}
        {order.fulfilment === 'pickup' && <Text className="tag">{strings.pickup}</Text>}
        {order.fulfilment === 'delivery' && order.contactless && (
          <Text className="tag tag--green">{strings.contactless}</Text>
        )}
        {order.kind === 'group' && <Text className="tag">{strings.group}</Text>}
        {order.payment.collected && (
          <Text className="tag tag--green deliveries__collected">{strings.collected(order.payment.collected)}</Text>
        )}
      </View>
      {pending && (
        <Notice tone="warn" className="deliveries__pending">
          {strings.waiting}
        </Notice>
      )}
      {!pending && order.status === 'prepared' && (
        <>
          <View className="actions">
            <Text className="action deliveries__dispatch" onClick={dispatch}>
              {strings.dispatch}
            </Text>
          </View>
          <FieldError>{submit.problem}</FieldError>
        </>
      )}
      {!pending && order.status === 'out-for-delivery' && (
        <View className="deliveries__confirm">
          {cod && (
            <>
              <Notice tone="warn" className="deliveries__due">
                {strings.due(order.totalFen)}
              </Notice>
              <Text className="deliveries__how">{strings.how}</Text>
              <Chips
                className="deliveries__collect"
                options={[
                  { value: 'cash' as const, label: strings.cash },
                  { value: 'scan' as const, label: strings.byScan },
                ]}
                value={how}
                onChange={setHow}
              />
            </>
          )}
          <Field
            className="deliveries__code"
            type="number"
            maxlength={6}
            value={code}
            placeholder={strings.code}
            onChange={setCode}
            error={submit.problem}
          />
          <View className="actions">
            <Text className="action deliveries__confirm-btn" onClick={() => void confirm()}>
              {cod ? strings.collectAndConfirm : strings.confirm}
            </Text>
            {weapp && (
              <Text className="action action--plain" onClick={scan}>
                {strings.scan}
              </Text>
            )}
          </View>
        </View>
      )}
    </View>
  );
}
