import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { CatalogueItem } from '@citycare/contract';
import Page from '@/components/Page';
import { NotLoadedPage } from '@/components/StateView';
import { Notice } from '@/components/form';
import { useApi } from '@/hooks/useApi';
import { unavailable } from '@/lib/a11y';
import { cartCount, cartTotal, getCart, setQty } from '@/grocery/lib/cart';
import { routeParam, yuan } from '@/lib/grocery/format';
import Catalogue from './Catalogue';
import './index.css';

const strings = {
  loadError: '无法加载商品',
  capNote: '绿色标签是市场监管部门规定的最高限价，标价不会超过它。',
  cart: (n: number) => (n ? `已选 ${n} 件` : '还没有选商品'),
  checkout: '去结算',
};

export default function StorePage() {
  const params = useRouter().params;
  const storeId = routeParam(params, 'storeId');
  const communityId = routeParam(params, 'communityId');
  const state = useApi('groceryCatalogue', { params: { storeId } });
  const [cart, setCart] = useState(() => getCart(storeId));
  useDidShow(() => setCart(getCart(storeId)));
  const storeName = state.data?.store.name;
  useEffect(() => {
    if (storeName) Taro.setNavigationBarTitle({ title: storeName }).catch(() => undefined);
  }, [storeName]);

  const data = state.data;
  if (!data) return <NotLoadedPage state={state} title={strings.loadError} />;

  const onQty = (item: CatalogueItem, qty: number) =>
    setCart(setQty(storeId, { itemId: item.itemId, name: item.name, unit: item.unit, priceFen: item.priceFen }, qty));
  const count = cartCount(cart);

  return (
    <Page className="store">
      <Notice tone="success" className="store__note">
        {strings.capNote}
      </Notice>
      <Catalogue items={data.items} qtyOf={(id) => cart.find((l) => l.itemId === id)?.qty ?? 0} onQty={onQty} />
      <View className="store__spacer" />
      <View className="store__bar">
        <View>
          <Text className="store__total">¥{yuan(cartTotal(cart))}</Text>
          <Text className="muted">{strings.cart(count)}</Text>
        </View>
        <Button
          className={`btn store__checkout${count ? '' : ' btn--busy'}`}
          {...unavailable(!count)}
          onClick={() =>
            count &&
            Taro.navigateTo({ url: `/grocery/pages/checkout/index?storeId=${storeId}&communityId=${communityId}` })
          }
        >
          {strings.checkout}
        </Button>
      </View>
    </Page>
  );
}
