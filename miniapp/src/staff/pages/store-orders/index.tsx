import { useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { Order, OrderStatus } from '@citycare/contract';
import Page from '@/components/Page';
import { EmptyState, InlineError, NotLoaded } from '@/components/StateView';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { routeParam, STATUS_LABELS, windowText, yuan } from '@/lib/grocery/format';
import { scopeName } from '@/lib/roles';
import '@/lib/grocery/grocery.css';
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
  address: (o: Order) => `${scopeName(o.communityId)} ${o.address.building}号楼${o.address.unit}单元 ${o.address.room}`,
};

const TODO: OrderStatus[] = ['placed', 'accepted'];

function OrderCard({ order, onDone }: { order: Order; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const go = async (action: 'accept' | 'reject' | 'prepare') => {
    if (busy) return;
    if (action === 'reject' && reason.trim().length < 2) {
      void Taro.showToast({ title: strings.needReason, icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      const body = action === 'reject' ? { action, reason: reason.trim() } : { action };
      await api('groceryAdvance', { params: { orderId: order.orderId }, body });
      void Taro.showToast({ title: strings.done, icon: 'success' });
      onDone();
    } catch {
      // shown by the adapter
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className={`card store-orders__order${busy ? ' gr-busy' : ''}`}>
      <View className="gr-row">
        <Text className="gr-title">{windowText(order.slot.startsAt, order.slot.endsAt)}</Text>
        <Text className="gr-tag gr-tag--orange store-orders__status">{STATUS_LABELS[order.status]}</Text>
      </View>
      <Text className="gr-sub">
        {strings.address(order)} · {order.contact.name} {order.contact.phone}
      </Text>
      <View>
        {order.contactless && <Text className="gr-tag gr-tag--green">{strings.contactless}</Text>}
        {order.kind === 'group' && <Text className="gr-tag">{strings.group}</Text>}
      </View>
      {order.lines.map((l) => (
        <Text className="store-orders__line" key={l.itemId}>
          {l.name} × {l.qty}
          {l.unit}
        </Text>
      ))}
      <Text className="gr-price">¥{yuan(order.totalFen)}</Text>
      {rejecting && (
        <Input
          className="form-input store-orders__reason"
          value={reason}
          placeholder={strings.reason}
          onInput={(e) => setReason(e.detail.value)}
        />
      )}
      <View className="gr-actions">
        {order.status === 'placed' && !rejecting && (
          <Text className="gr-action" onClick={() => go('accept')}>
            {strings.accept}
          </Text>
        )}
        {order.status === 'placed' && (
          <Text className="gr-action gr-action--danger" onClick={() => (rejecting ? go('reject') : setRejecting(true))}>
            {rejecting ? strings.confirmReject : strings.reject}
          </Text>
        )}
        {order.status === 'accepted' && (
          <Text className="gr-action" onClick={() => go('prepare')}>
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
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else state.reload();
  });
  const orders = state.data?.orders;
  if (!orders) {
    return (
      <Page>
        <NotLoaded state={state} title={strings.loadError} />
      </Page>
    );
  }
  const shown = orders.filter((o) => filter === 'all' || TODO.includes(o.status));
  return (
    <Page className="store-orders">
      {state.error !== undefined && !state.loading && <InlineError error={state.error} onRetry={state.reload} />}
      <View className="chips">
        {(['todo', 'all'] as const).map((f) => (
          <Text key={f} className={`chip${filter === f ? ' chip--on' : ''}`} onClick={() => setFilter(f)}>
            {strings.filters[f]}
          </Text>
        ))}
      </View>
      {shown.length === 0 && <EmptyState glyph="单" title={strings.empty} />}
      {shown.map((o) => (
        <OrderCard key={o.orderId} order={o} onDone={state.reload} />
      ))}
    </Page>
  );
}
