import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Order, OrderStatus } from '@citycare/contract';
import Page from '@/components/Page';
import { EmptyState, InlineError, NotLoadedPage } from '@/components/StateView';
import { Chips, Field, FieldError, Notice, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useApi, useReloadOnReturn } from '@/hooks/useApi';
import { PAYMENT_LABELS, routeParam, STATUS_LABELS, windowText, yuan } from '@/lib/grocery/format';
import { differenceText, LineChange, PriorityBadge } from '@/lib/grocery/Substitutions';
import { scopeName } from '@/lib/roles';
import LineActions from './LineActions';
import './index.css';

const strings = {
  loadError: '无法加载订单',
  empty: '这一类没有订单',
  filters: { todo: '待处理', all: '全部' },
  accept: '接单',
  reject: '拒单',
  prepare: '备货完成',
  reason: '拒单原因（必填），如：大白菜今天到货不足',
  confirmReject: '确定拒单',
  needReason: '请写明拒单原因',
  done: '已更新',
  contactless: '无接触',
  group: '团购',
  similar: '缺货时：同类替换',
  noSubstitute: '缺货时：不替换',
  refundProblem: (why: string) => `微信支付退款未成功（${why}）：请联系居民，并报平台运维人工退款`,
  address: (o: Order) => `${scopeName(o.communityId)} ${o.address.building}号楼${o.address.unit}单元 ${o.address.room}`,
};

const TODO: OrderStatus[] = ['placed', 'accepted'];

const FILTERS = (['todo', 'all'] as const).map((f) => ({ value: f, label: strings.filters[f] }));

type Action = 'accept' | 'reject' | 'prepare';

function OrderCard({ order, onDone }: { order: Order; onDone: () => void }) {
  const submit = useSubmit<Action>();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const difference = differenceText(order);
  // 缺货处理 while preparing: a single order, accepted, paid already when prepaid (as the server checks).
  const changeable =
    order.status === 'accepted' &&
    order.kind === 'single' &&
    (order.payment.method === 'on-delivery' || order.payment.state === 'paid');
  const go = (action: Action) =>
    submit.run(
      async () => {
        const body = action === 'reject' ? { action, reason: reason.trim() } : { action };
        await api('groceryAdvance', { params: { orderId: order.orderId }, body, quiet: true });
        void Taro.showToast({ title: strings.done, icon: 'success' });
        onDone();
      },
      { action, check: () => (action === 'reject' && reason.trim().length < 2 ? strings.needReason : '') },
    );
  return (
    <View className={`card store-orders__order${submit.busy ? ' busy' : ''}`}>
      <View className="row">
        <Text className="title">{windowText(order.slot.startsAt, order.slot.endsAt)}</Text>
        <Text className="tag tag--orange store-orders__status">{STATUS_LABELS[order.status]}</Text>
      </View>
      <Text className="muted">
        {strings.address(order)} · {order.contact.name} {order.contact.phone}
      </Text>
      <View>
        {order.priority && <PriorityBadge />}
        {order.contactless && <Text className="tag tag--green">{strings.contactless}</Text>}
        {order.kind === 'group' && <Text className="tag">{strings.group}</Text>}
        {order.payment.method === 'prepaid' && <Text className="tag">{PAYMENT_LABELS[order.payment.state]}</Text>}
      </View>
      {order.payment.refundProblem && (
        <Notice tone="error">{strings.refundProblem(order.payment.refundProblem)}</Notice>
      )}
      {order.lines.map((l) => (
        <View className="store-orders__line" key={l.itemId}>
          <Text className={l.dropped ? 'store-orders__gone' : ''}>
            {l.name} × {l.qty}
            {l.unit}
          </Text>
          <Text className="muted">{l.substitution === 'similar' ? strings.similar : strings.noSubstitute}</Text>
          <LineChange line={l} />
          {changeable && !l.dropped && !l.replaced && <LineActions line={l} order={order} onDone={onDone} />}
        </View>
      ))}
      <Text className="price">¥{yuan(order.totalFen)}</Text>
      {difference && <Text className="muted store-orders__difference">{difference}</Text>}
      {rejecting && (
        <Field className="store-orders__reason" value={reason} placeholder={strings.reason} onChange={setReason} />
      )}
      <FieldError>{submit.problem}</FieldError>
      <View className="actions">
        {order.status === 'placed' && !rejecting && (
          <Text className="action" onClick={() => go('accept')}>
            {strings.accept}
          </Text>
        )}
        {order.status === 'placed' && (
          <Text className="action action--danger" onClick={() => (rejecting ? go('reject') : setRejecting(true))}>
            {rejecting ? strings.confirmReject : strings.reject}
          </Text>
        )}
        {order.status === 'accepted' && (
          <Text className="action" onClick={() => go('prepare')}>
            {strings.prepare}
          </Text>
        )}
      </View>
    </View>
  );
}

export default function StoreOrdersPage() {
  const storeId = routeParam(useRouter().params, 'storeId');
  const state = useApi('groceryStoreOrders', { params: { storeId } });
  const [filter, setFilter] = useState<'todo' | 'all'>('todo');
  useReloadOnReturn(state.reload);
  const orders = state.data?.orders;
  if (!orders) return <NotLoadedPage state={state} title={strings.loadError} />;
  const shown = orders.filter((o) => filter === 'all' || TODO.includes(o.status));
  return (
    <Page className="store-orders">
      {state.error !== undefined && !state.loading && <InlineError error={state.error} onRetry={state.reload} />}
      <Chips options={FILTERS} value={filter} onChange={setFilter} />
      {shown.length === 0 && <EmptyState glyph="单" title={strings.empty} />}
      {shown.map((o) => (
        <OrderCard key={o.orderId} order={o} onDone={state.reload} />
      ))}
    </Page>
  );
}
