import { Text, View } from '@tarojs/components';
import NavRow from '@/components/NavRow';
import Page from '@/components/Page';
import { EmptyState, NotLoaded } from '@/components/StateView';
import { useMe } from '@/hooks/useMe';
import { scopeName, scopesOf } from '@/lib/roles';

const strings = {
  loadError: '无法加载商户工作台',
  noStore: '您还不是商户操作员',
  noStoreDesc: '如需开通，请联系管理员。',
  orders: '订单',
  ordersDesc: '接单、拒单、备货',
  slots: '送货时段与拣货单',
  slotsDesc: '设置送货时间、名额和截单时间；按时段打印拣货单',
  catalogue: '商品与价格',
  catalogueDesc: '上架商品、改价格和库存；价格不能超过限价',
};

const LINKS = [
  { page: 'store-orders', title: strings.orders, desc: strings.ordersDesc },
  { page: 'store-slots', title: strings.slots, desc: strings.slotsDesc },
  { page: 'store-catalogue', title: strings.catalogue, desc: strings.catalogueDesc },
];

export default function StoreDeskPage() {
  const me = useMe();
  const user = me.data;
  const stores = user ? scopesOf(user.roles, 'store') : [];
  return (
    <Page className="store-desk">
      {!user && <NotLoaded state={me} title={strings.loadError} />}
      {user && stores.length === 0 && (
        <EmptyState glyph="商" title={strings.noStore} description={strings.noStoreDesc} />
      )}
      {stores.map((storeId) => (
        <View key={storeId}>
          <Text className="section-title">{scopeName(storeId)}</Text>
          <View className="card">
            {LINKS.map((l) => (
              <NavRow key={l.page} url={`/staff/pages/${l.page}/index?storeId=${storeId}`} title={l.title}>
                <Text className="muted">{l.desc}</Text>
              </NavRow>
            ))}
          </View>
        </View>
      ))}
    </Page>
  );
}
