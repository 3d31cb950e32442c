import { Text } from '@tarojs/components';
import type { Order } from '@citycare/contract';
import List from '@/components/List';
import NavRow from '@/components/NavRow';
import Page from '@/components/Page';
import { EmptyState, NotLoadedPage } from '@/components/StateView';
import { useApi, useReloadOnReturn } from '@/hooks/useApi';
import { PAYMENT_LABELS, STATUS_LABELS, windowText, yuan } from '@/lib/grocery/format';

const strings = {
  empty: '还没有订单',
  emptyDesc: '在“买菜”页选择商店下单',
  loadError: '无法加载订单',
  items: (n: number) => `${n} 种商品`,
  group: '团购',
};

function statusTone(o: Order): string {
  if (o.status === 'cancelled' || o.status === 'rejected') return 'tag--red';
  return o.status === 'delivered' ? 'tag--green' : 'tag--orange';
}

function OrderRow({ order: o }: { order: Order }) {
  return (
    <NavRow
      url={`/grocery/pages/order/index?orderId=${o.orderId}`}
      className="row orders__order"
      title={`${o.storeName}${o.kind === 'group' ? ` · ${strings.group}` : ''}`}
    >
      <Text className="muted">{windowText(o.slot.startsAt, o.slot.endsAt)}</Text>
      <Text className="muted">
        {strings.items(o.lines.length)} · ¥{yuan(o.totalFen)} · {PAYMENT_LABELS[o.payment.state]}
      </Text>
      <Text className={`tag ${statusTone(o)}`}>{STATUS_LABELS[o.status]}</Text>
    </NavRow>
  );
}

export default function OrdersPage() {
  const state = useApi('groceryMyOrders');
  useReloadOnReturn(state.reload);
  const orders = state.data?.orders;
  if (!orders) return <NotLoadedPage state={state} title={strings.loadError} />;
  return (
    <Page className="orders">
      <List
        state={state}
        items={orders}
        card
        empty={<EmptyState glyph="单" title={strings.empty} description={strings.emptyDesc} />}
      >
        {(o) => <OrderRow key={o.orderId} order={o} />}
      </List>
    </Page>
  );
}
