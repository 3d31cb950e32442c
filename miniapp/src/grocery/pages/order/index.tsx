import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { Order } from '@citycare/contract';
import Page from '@/components/Page';
import { CashierHost } from '@/components/cashier';
import { InlineError, NotLoaded } from '@/components/StateView';
import { api } from '@/api';
import { Notice } from '@/components/form';
import { useApi } from '@/hooks/useApi';
import { checkPayment, payPendingOrder } from '@/grocery/lib/pay';
import {
  PAYMENT_TONES,
  paymentStateText,
  paymentText,
  routeParam,
  STATUS_LABELS,
  windowText,
  yuan,
} from '@/lib/grocery/format';
import { scopeName } from '@/lib/roles';
import { differenceText, LineChange } from '@/lib/grocery/Substitutions';
import Complaint from './Complaint';
import Payment, { type PaymentWork } from './Payment';
import Timeline from './Timeline';
import SubscribeButton from '@/components/SubscribeButton';
import { DIALOG_COLOURS } from '@/lib/a11y';
import './index.css';

const strings = {
  placed: '下单成功！商户接单后会开始备货。',
  codeTitle: '取货码',
  codeDesc: '社区工作者送到时会核对这个号码，请不要告诉别人',
  statusTitle: '订单进度',
  linesTitle: '商品',
  similar: '缺货时：同类替换',
  total: '合计',
  ordered: (fen: number) => `商户缺货调整了订单（原价 ¥${yuan(fen)}）：`,
  when: (pickup: boolean) => (pickup ? '自取时间' : '送货时间'),
  where: '地址',
  contactless: '无接触配送，放在门口',
  pickupAt: '到社区自提点自取',
  payment: '付款',
  reject: (r: string) => `拒单原因：${r}`,
  paid: '支付成功',
  payCancelled: '已取消支付，没有扣款',
  cancel: '取消订单',
  cancelConfirm: '取消后商品和送货名额会退回，确定取消吗？',
  cancelPaidConfirm: (y: string) => `取消后已付的 ¥${y} 会全额退回，确定取消吗？`,
  cancelled: '订单已取消',
  cancelNote: '商户接单后就不能取消了。',
  complain: '投诉价格或质量',
  loadError: '无法加载订单',
};

export default function OrderPage() {
  const params = useRouter().params;
  const orderId = routeParam(params, 'orderId');
  const justPlaced = routeParam(params, 'placed') === '1';
  const state = useApi('groceryOrder', { params: { orderId } });
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else state.reload();
  });
  const [busy, setBusy] = useState(false);
  const [work, setWork] = useState<PaymentWork>('');
  const [complaining, setComplaining] = useState(false);
  // Paid in the cashier (on checkout or here) but not yet confirmed by WeChat Pay: never shown as paid.
  const [confirming, setConfirming] = useState(() => routeParam(params, 'pay') === 'pending');
  // A write's answer (the cancelled order) is shown until the next load brings newer data.
  const [answered, setAnswered] = useState<{ order: Order; over: unknown }>();

  const order = answered && answered.over === state.data ? answered.order : state.data?.order;
  if (!order) {
    return (
      <Page>
        <NotLoaded state={state} title={strings.loadError} />
      </Page>
    );
  }
  const open = order.status !== 'cancelled' && order.status !== 'rejected';
  const paymentId = order.payment.paymentId;
  const difference = differenceText(order);

  /** Runs one payment action; the adapter has shown an API error. */
  const paying = async (kind: Exclude<PaymentWork, ''>, run: () => Promise<void>) => {
    if (busy || work) return;
    setWork(kind);
    try {
      await run();
    } catch {
      // shown by the adapter
    } finally {
      setWork('');
      state.reload();
    }
  };
  const pay = () =>
    paying('paying', async () => {
      const { result } = await payPendingOrder(orderId);
      setConfirming(result === 'pending');
      if (result === 'paid') void Taro.showToast({ title: strings.paid, icon: 'success' });
      if (result === 'cancelled') void Taro.showToast({ title: strings.payCancelled, icon: 'none' });
    });
  const check = () =>
    paying('checking', async () => {
      const status = await checkPayment(paymentId);
      if (status !== 'pending') setConfirming(false);
      if (status === 'paid') void Taro.showToast({ title: strings.paid, icon: 'success' });
    });
  const refresh = () => paying('checking', async () => undefined);

  const cancel = async () => {
    if (busy || work) return;
    const { confirm } = await Taro.showModal({
      ...DIALOG_COLOURS,
      title: strings.cancel,
      content: order.payment.state === 'paid' ? strings.cancelPaidConfirm(yuan(order.totalFen)) : strings.cancelConfirm,
    });
    if (!confirm) return;
    setBusy(true);
    try {
      const answer = await api('groceryCancel', { params: { orderId } });
      setAnswered({ order: answer.order, over: state.data });
      void Taro.showToast({ title: strings.cancelled, icon: 'success' });
    } catch {
      // the adapter has shown the error; the order may have moved on meanwhile
      state.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page className="order">
      {state.error !== undefined && !state.loading && <InlineError error={state.error} onRetry={state.reload} />}
      {justPlaced && order.status === 'placed' && <Notice tone="success">{strings.placed}</Notice>}
      {order.pickupCode && open && order.status !== 'delivered' && (
        <View className="card order__code-card">
          <Text className="order__code-title">{strings.codeTitle}</Text>
          <Text className="order__code">{order.pickupCode}</Text>
          <Text className="muted">{strings.codeDesc}</Text>
        </View>
      )}
      <View className="card">
        <View className="row">
          <Text className="title">{order.storeName}</Text>
          <Text className={`tag ${open ? 'tag--green' : 'tag--red'} order__status`}>{STATUS_LABELS[order.status]}</Text>
        </View>
        <Text className="muted">
          {strings.when(order.fulfilment === 'pickup')}：{windowText(order.slot.startsAt, order.slot.endsAt)}
        </Text>
        <Text className="muted">
          {strings.where}：{scopeName(order.communityId)} {order.address.building}号楼 {order.address.unit}单元{' '}
          {order.address.room}
        </Text>
        <Text className="muted">
          {order.fulfilment === 'pickup' ? strings.pickupAt : order.contactless && strings.contactless}
        </Text>
        {order.rejectReason && <Notice tone="error">{strings.reject(order.rejectReason)}</Notice>}
      </View>

      <Text className="section-title order__section">{strings.statusTitle}</Text>
      <View className="card">
        <Timeline order={order} />
      </View>
      {open && order.status !== 'delivered' && (
        <SubscribeButton topics={['orderAccepted', 'orderOnTheWay', 'orderDelivered']} />
      )}

      <Text className="section-title order__section">{strings.linesTitle}</Text>
      <View className="card">
        {order.lines.map((l) => (
          <View className="row" key={l.itemId}>
            <View className="row__main">
              <Text className="title">
                {l.name} × {l.qty}
                {l.unit}
              </Text>
              {l.substitution === 'similar' && !l.replaced && <Text className="muted">{strings.similar}</Text>}
              <LineChange line={l} />
            </View>
            <Text className="price">¥{yuan(l.lineFen)}</Text>
          </View>
        ))}
        <View className="row">
          <Text className="title">{strings.total}</Text>
          <Text className="price">¥{yuan(order.totalFen)}</Text>
        </View>
        {difference && (
          <Notice tone="info" className="order__difference">
            {strings.ordered(order.originalTotalFen ?? order.totalFen)}
            {difference}
          </Notice>
        )}
        <View className="row">
          <Text className="muted">
            {strings.payment}：{paymentText(order.payment)}
          </Text>
          {order.payment.method === 'prepaid' && (
            <Text className={`tag tag--${PAYMENT_TONES[order.payment.state]} order__paid`}>
              {paymentStateText(order.payment.state, confirming)}
            </Text>
          )}
        </View>
      </View>

      <Payment
        order={order}
        confirming={confirming}
        work={work}
        onPay={() => void pay()}
        onCheck={() => void check()}
        onRefresh={() => void refresh()}
      />
      {order.status === 'placed' && (
        <>
          <Button className="btn btn--danger" onClick={cancel}>
            {strings.cancel}
          </Button>
          <Text className="muted order__note">{strings.cancelNote}</Text>
        </>
      )}
      {complaining ? (
        <Complaint orderId={orderId} />
      ) : (
        <Button className="btn btn--plain order__complain" onClick={() => setComplaining(true)}>
          {strings.complain}
        </Button>
      )}
      <CashierHost />
    </Page>
  );
}
