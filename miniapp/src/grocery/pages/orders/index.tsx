import { useRef } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import Page from '@/components/Page';
import { EmptyState, InlineError, NotLoaded } from '@/components/StateView';
import { useApi } from '@/hooks/useApi';
import { PAYMENT_LABELS, STATUS_LABELS, windowText, yuan } from '@/lib/grocery/format';
import '@/lib/grocery/grocery.css';
import './index.css';

const strings = {
  empty: '还没有订单',
  emptyDesc: '在“买菜”页选择商店下单',
  loadError: '无法加载订单',
  items: (n: number) => `${n} 种商品`,
  group: '团购',
};

export default function MyOrdersPage() {
  const state = useApi('groceryMyOrders');
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
  return (
    <Page className="orders">
      {state.error !== undefined && !state.loading && <InlineError error={state.error} onRetry={state.reload} />}
      {orders.length === 0 ? (
        <EmptyState glyph="单" title={strings.empty} description={strings.emptyDesc} />
      ) : (
        <View className="card">
          {orders.map((o) => {
            const bad = o.status === 'cancelled' || o.status === 'rejected';
            return (
              <View
                key={o.orderId}
                className="gr-row orders__order"
                hoverClass="tap-active"
                onClick={() => Taro.navigateTo({ url: `/grocery/pages/order/index?orderId=${o.orderId}` })}
              >
                <View className="gr-main">
                  <Text className="gr-title">
                    {o.storeName}
                    {o.kind === 'group' ? ` · ${strings.group}` : ''}
                  </Text>
                  <Text className="gr-sub">{windowText(o.slot.startsAt, o.slot.endsAt)}</Text>
                  <Text className="gr-sub">
                    {strings.items(o.lines.length)} · ¥{yuan(o.totalFen)} · {PAYMENT_LABELS[o.payment.state]}
                  </Text>
                  <Text
                    className={`gr-tag ${bad ? 'gr-tag--red' : o.status === 'delivered' ? 'gr-tag--green' : 'gr-tag--orange'}`}
                  >
                    {STATUS_LABELS[o.status]}
                  </Text>
                </View>
                <Text className="gr-arrow">›</Text>
              </View>
            );
          })}
        </View>
      )}
    </Page>
  );
}
