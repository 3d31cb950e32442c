import { useCallback, useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { Group, StoreSummary } from '@citycare/contract';
import Page from '@/components/Page';
import { EmptyState, ErrorState, InlineError, Loading } from '@/components/StateView';
import { api } from '@/api';
import { useKeyed } from '@/hooks/useApi';
import { getCommunity, saveCommunity } from '@/lib/grocery/community';
import { timeText, yuan } from '@/lib/grocery/format';
import { scopeName } from '@/lib/roles';
import '@/lib/grocery/grocery.css';
import './index.css';

const strings = {
  bannerTitle: '平价买菜 送到家门口',
  bannerText: '价格不超过政府限价；社区工作者无接触配送，放在门口。',
  myOrders: '我的订单',
  myOrdersDesc: '查看配送进度、取货码，付款或投诉',
  community: '我的社区（村）',
  change: '更换',
  pickTitle: '请先选择您居住的社区（村）',
  pickDesc: '只显示给本社区送货的商店',
  storesTitle: '给本社区送货的商店',
  noStores: '暂时没有商店给本社区送货',
  noStoresDesc: '可以请社区工作者开一个团购，统一代买',
  groupsTitle: '社区团购（卡点购物车）',
  groupCutoff: (t: string) => `${t} 截止`,
  groupMembers: (n: number, total: string) => `已有 ${n} 户参加 · 共 ¥${total}`,
  joined: '我已参加',
  loadError: '无法加载商店',
  communitiesError: '无法加载社区列表',
};

const ORDERS_URL = '/grocery/pages/orders/index';
const storeUrl = (s: StoreSummary, community: string) =>
  `/grocery/pages/store/index?storeId=${s.storeId}&communityId=${community}`;
const groupUrl = (g: Group) => `/grocery/pages/group/index?groupId=${g.groupId}`;

const loadCommunities = () => api('directory', { params: { kind: 'community' }, quiet: true }).then((r) => r.entries);

function CommunityPicker({ onPick }: { onPick: (id: string) => void }) {
  const list = useKeyed(['directory', { kind: 'community' }, 'entries'], loadCommunities);
  if (!list.data) {
    return list.loading ? (
      <Loading />
    ) : (
      <ErrorState title={strings.communitiesError} error={list.error} onRetry={list.reload} />
    );
  }
  return (
    <View className="card">
      <Text className="gr-title">{strings.pickTitle}</Text>
      <Text className="gr-sub">{strings.pickDesc}</Text>
      <View className="chips grocery__communities">
        {list.data.map((c) => (
          <Text className="chip" key={c.id} onClick={() => onPick(c.id)}>
            {c.name}
          </Text>
        ))}
      </View>
    </View>
  );
}

function Stores({ community }: { community: string }) {
  const load = useCallback(async () => {
    const [stores, groups] = await Promise.all([
      api('groceryStores', { params: { communityId: community }, quiet: true }),
      api('groceryGroups', { params: { communityId: community }, quiet: true }),
    ]);
    return { stores: stores.stores, groups: groups.groups.filter((g) => g.status === 'open') };
  }, [community]);
  const state = useKeyed(['groceryStores', { communityId: community }, 'withGroups'], load);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else state.reload();
  });
  if (!state.data) {
    return state.loading ? (
      <Loading />
    ) : (
      <ErrorState title={strings.loadError} error={state.error} onRetry={state.reload} />
    );
  }
  const { stores, groups } = state.data;
  return (
    <>
      {state.error !== undefined && !state.loading && <InlineError error={state.error} onRetry={state.reload} />}
      <Text className="section-title grocery__section">{strings.storesTitle}</Text>
      {stores.length === 0 ? (
        <EmptyState glyph="店" title={strings.noStores} description={strings.noStoresDesc} />
      ) : (
        <View className="card">
          {stores.map((s) => (
            <View
              className="gr-row grocery__store"
              key={s.storeId}
              hoverClass="tap-active"
              onClick={() => Taro.navigateTo({ url: storeUrl(s, community) })}
            >
              <View className="grocery__glyph">{s.name.slice(0, 1)}</View>
              <View className="gr-main">
                <Text className="gr-title">{s.name}</Text>
                <Text className="gr-sub">{s.serves.map(scopeName).join('、')}</Text>
              </View>
              <Text className="gr-arrow">›</Text>
            </View>
          ))}
        </View>
      )}
      {groups.length > 0 && (
        <>
          <Text className="section-title grocery__section">{strings.groupsTitle}</Text>
          <View className="card">
            {groups.map((g) => (
              <View
                className="gr-row"
                key={g.groupId}
                hoverClass="tap-active"
                onClick={() => Taro.navigateTo({ url: groupUrl(g) })}
              >
                <View className="gr-main">
                  <Text className="gr-title">
                    {g.label} · {g.storeName}
                  </Text>
                  <Text className="gr-sub">{strings.groupCutoff(timeText(g.cutoffAt))}</Text>
                  <Text className="gr-sub">{strings.groupMembers(g.memberCount, yuan(g.totalFen))}</Text>
                  {g.shares.length > 0 && <Text className="gr-tag gr-tag--green">{strings.joined}</Text>}
                </View>
                <Text className="gr-arrow">›</Text>
              </View>
            ))}
          </View>
        </>
      )}
    </>
  );
}

export default function GroceryPage() {
  const [community, setCommunity] = useState(getCommunity);
  const pick = (id: string) => {
    saveCommunity(id);
    setCommunity(id);
  };
  return (
    <Page className="grocery">
      <View className="card grocery__banner">
        <Text className="grocery__banner-title">{strings.bannerTitle}</Text>
        <Text className="grocery__banner-text">{strings.bannerText}</Text>
      </View>
      <View
        className="card gr-row grocery__orders"
        hoverClass="tap-active"
        onClick={() => Taro.navigateTo({ url: ORDERS_URL })}
      >
        <View className="gr-main">
          <Text className="gr-title">{strings.myOrders}</Text>
          <Text className="gr-sub">{strings.myOrdersDesc}</Text>
        </View>
        <Text className="gr-arrow">›</Text>
      </View>
      {community ? (
        <>
          <View className="card gr-row">
            <View className="gr-main">
              <Text className="gr-sub">{strings.community}</Text>
              <Text className="gr-title">{scopeName(community)}</Text>
            </View>
            <Button className="btn btn--plain grocery__change" onClick={() => pick('')}>
              {strings.change}
            </Button>
          </View>
          <Stores key={community} community={community} />
        </>
      ) : (
        <CommunityPicker onPick={pick} />
      )}
    </Page>
  );
}
