import { useCallback, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { Group, StoreSummary } from '@citycare/contract';
import List from '@/components/List';
import NavRow from '@/components/NavRow';
import Page from '@/components/Page';
import { EmptyState, InlineError, NotLoaded } from '@/components/StateView';
import { Chips } from '@/components/form';
import { api } from '@/api';
import { useKeyed, useReloadOnReturn } from '@/hooks/useApi';
import { getCommunity, saveCommunity } from '@/lib/grocery/community';
import { timeText, yuan } from '@/lib/grocery/format';
import { scopeName } from '@/lib/roles';
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
  if (!list.data) return <NotLoaded state={list} title={strings.communitiesError} />;
  return (
    <View className="card">
      <Text className="title">{strings.pickTitle}</Text>
      <Text className="muted">{strings.pickDesc}</Text>
      <Chips
        className="grocery__communities"
        options={list.data.map((c) => ({ value: c.id, label: c.name }))}
        value={undefined}
        onChange={onPick}
      />
    </View>
  );
}

function GroupRow({ group: g }: { group: Group }) {
  return (
    <NavRow url={groupUrl(g)} title={`${g.label} · ${g.storeName}`}>
      <Text className="muted">{strings.groupCutoff(timeText(g.cutoffAt))}</Text>
      <Text className="muted">{strings.groupMembers(g.memberCount, yuan(g.totalFen))}</Text>
      {g.shares.length > 0 && <Text className="tag tag--green">{strings.joined}</Text>}
    </NavRow>
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
  useReloadOnReturn(state.reload);
  if (!state.data) return <NotLoaded state={state} title={strings.loadError} />;
  const { stores, groups } = state.data;
  return (
    <>
      {state.error !== undefined && !state.loading && <InlineError error={state.error} onRetry={state.reload} />}
      <Text className="section-title grocery__section">{strings.storesTitle}</Text>
      <List
        items={stores}
        card
        empty={<EmptyState glyph="店" title={strings.noStores} description={strings.noStoresDesc} />}
      >
        {(s) => (
          <NavRow
            key={s.storeId}
            url={storeUrl(s, community)}
            className="row grocery__store"
            start={<View className="glyph glyph--round glyph--green">{s.name.slice(0, 1)}</View>}
            title={s.name}
          >
            <Text className="muted">{s.serves.map(scopeName).join('、')}</Text>
          </NavRow>
        )}
      </List>
      {groups.length > 0 && (
        <>
          <Text className="section-title grocery__section">{strings.groupsTitle}</Text>
          <View className="card">
            {groups.map((g) => (
              <GroupRow key={g.groupId} group={g} />
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
      <View className="card banner banner--green">
        <Text className="banner__title">{strings.bannerTitle}</Text>
        <Text className="banner__text">{strings.bannerText}</Text>
      </View>
      <NavRow url={ORDERS_URL} className="card card--row grocery__orders" title={strings.myOrders}>
        <Text className="muted">{strings.myOrdersDesc}</Text>
      </NavRow>
      {community ? (
        <>
          <View className="card card--row">
            <View className="row__main">
              <Text className="muted">{strings.community}</Text>
              <Text className="title">{scopeName(community)}</Text>
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
