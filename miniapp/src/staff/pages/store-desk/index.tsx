import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Page from '@/components/Page';
import { EmptyState, ErrorState, Loading } from '@/components/StateView';
import { useMe } from '@/hooks/useMe';
import { scopeName, scopesOf } from '@/lib/roles';
import '@/lib/grocery/grocery.css';
import './index.css';

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
      {!user && me.loading && <Loading />}
      {!user && !me.loading && <ErrorState title={strings.loadError} error={me.error} onRetry={me.reload} />}
      {user && stores.length === 0 && (
        <EmptyState glyph="商" title={strings.noStore} description={strings.noStoreDesc} />
      )}
      {stores.map((storeId) => (
        <View key={storeId}>
          <Text className="section-title store-desk__name">{scopeName(storeId)}</Text>
          <View className="card">
            {LINKS.map((l) => (
              <View
                key={l.page}
                className="gr-row"
                hoverClass="tap-active"
                onClick={() => Taro.navigateTo({ url: `/staff/pages/${l.page}/index?storeId=${storeId}` })}
              >
                <View className="gr-main">
                  <Text className="gr-title">{l.title}</Text>
                  <Text className="gr-sub">{l.desc}</Text>
                </View>
                <Text className="gr-arrow">›</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </Page>
  );
}
