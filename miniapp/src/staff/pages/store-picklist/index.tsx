import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import Page from '@/components/Page';
import { EmptyState, NotLoadedPage } from '@/components/StateView';
import { useApi } from '@/hooks/useApi';
import { routeParam, STATUS_LABELS, windowText } from '@/lib/grocery/format';
import ItemTotals from '@/lib/grocery/ItemTotals';
import { PriorityBadge } from '@/lib/grocery/Substitutions';
import { scopeName } from '@/lib/roles';
import './index.css';

const strings = {
  loadError: '无法加载拣货单',
  orders: (n: number) => `共 ${n} 单`,
  totalsTitle: '备货总数',
  listTitle: '分拣清单（按社区、楼、单元）',
  priorityTitle: (n: number) => `隔离户优先：${n} 单，请先备货`,
  empty: '这个时段还没有订单',
  building: (b: string) => `${b}号楼`,
  unit: (u: string) => `${u}单元`,
  contactless: '无接触',
  print: '打印拣货单',
  printHint: '在电脑浏览器中打开本页即可打印',
};

export default function PickListPage() {
  const params = useRouter().params;
  const storeId = routeParam(params, 'storeId');
  const slotId = routeParam(params, 'slotId');
  const state = useApi('groceryPickList', { params: { storeId, slotId } });
  const list = state.data;
  if (!list) return <NotLoadedPage state={state} title={strings.loadError} />;
  const h5 = process.env.TARO_ENV === 'h5';
  // 隔离户优先 first: the slot's orders from red or yellow households, with where they go.
  const priorityOrders = list.communities.flatMap((c) =>
    c.buildings.flatMap((b) =>
      b.units.flatMap((u) =>
        u.orders
          .filter((o) => o.priority)
          .map((order) => ({
            order,
            where: `${scopeName(c.communityId)} ${strings.building(b.building)}${strings.unit(u.unit)}`,
          })),
      ),
    ),
  );
  return (
    <Page className="picklist">
      <View className="card">
        <Text className="title">{list.storeName}</Text>
        <Text className="muted">
          {windowText(list.slot.startsAt, list.slot.endsAt)} · {strings.orders(list.orderCount)}
        </Text>
      </View>
      {list.orderCount === 0 && <EmptyState glyph="拣" title={strings.empty} />}
      {list.priorityOrderIds.length > 0 && (
        <View className="card picklist__priority">
          <PriorityBadge />
          <Text className="title">{strings.priorityTitle(list.priorityOrderIds.length)}</Text>
          {priorityOrders.map(({ where, order: o }) => (
            <Text className="muted" key={o.orderId}>
              {where} {o.room} · {o.contactName}：{o.lines.map((l) => `${l.name} ×${l.qty}${l.unit}`).join('，')}
            </Text>
          ))}
        </View>
      )}
      <ItemTotals title={strings.totalsTitle} totals={list.totals} />
      {list.communities.length > 0 && <Text className="section-title">{strings.listTitle}</Text>}
      {list.communities.map((c) => (
        <View className="card picklist__community" key={c.communityId}>
          <Text className="card__title">{scopeName(c.communityId)}</Text>
          {c.buildings.map((b) =>
            b.units.map((u) => (
              <View className="picklist__unit" key={`${b.building}-${u.unit}`}>
                <Text className="picklist__unit-title">
                  {strings.building(b.building)} {strings.unit(u.unit)}
                </Text>
                {u.orders.map((o) => (
                  <View className="picklist__order" key={o.orderId}>
                    {o.priority && <PriorityBadge />}
                    <Text className="title">
                      {o.room} · {o.contactName}
                      {o.contactless ? ` · ${strings.contactless}` : ''} · {STATUS_LABELS[o.status]}
                    </Text>
                    <Text className="muted">{o.lines.map((l) => `${l.name} ×${l.qty}${l.unit}`).join('，')}</Text>
                  </View>
                ))}
              </View>
            )),
          )}
        </View>
      ))}
      {list.orderCount > 0 &&
        (h5 ? (
          <Button className="btn btn--plain picklist__print" onClick={() => window.print()}>
            {strings.print}
          </Button>
        ) : (
          <Text className="muted picklist__print">{strings.printHint}</Text>
        ))}
    </Page>
  );
}
