import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { Order } from '@citycare/contract';
import Page from '@/components/Page';
import List from '@/components/List';
import { EmptyState, NotLoaded } from '@/components/StateView';
import { Chips, FieldError } from '@/components/form';
import { useMe } from '@/hooks/useMe';
import { useApi, useReloadOnReturn } from '@/hooks/useApi';
import { windowText } from '@/lib/grocery/format';
import { scopeName, scopesOf } from '@/lib/roles';
import { queued, syncQueue, type SyncResult } from '../../lib/delivery-queue';
import OrderItem from './OrderItem';
import './index.css';

const strings = {
  loadError: '无法加载配送任务',
  noRole: '您还不是社区工作者',
  empty: '现在没有待配送的订单',
  emptyDesc: '商店备好货后，订单会出现在这里',
  queue: (n: number) => (n ? `有 ${n} 条送达确认等待上传` : '送达确认已全部上传'),
  sync: '立即上传',
  syncing: '正在上传…',
  synced: (n: number) => `已上传 ${n} 条`,
  refused: (m: string) => `有一条未能确认：${m}`,
  slotOrders: (n: number) => `${n} 单`,
};

function bySlot(orders: Order[]): { key: string; label: string; orders: Order[] }[] {
  const groups = new Map<string, { key: string; label: string; orders: Order[] }>();
  for (const o of [...orders].sort((a, b) => a.slot.startsAt.localeCompare(b.slot.startsAt))) {
    const g = groups.get(o.slot.slotId) ?? {
      key: o.slot.slotId,
      label: windowText(o.slot.startsAt, o.slot.endsAt),
      orders: [],
    };
    g.orders.push(o);
    groups.set(o.slot.slotId, g);
  }
  return [...groups.values()];
}

function Deliveries({ community }: { community: string }) {
  const state = useApi('groceryDeliveries', { params: { communityId: community } });
  const { reload } = state;
  const [pending, setPending] = useState(() => queued());
  const [syncing, setSyncing] = useState(false);
  const [refused, setRefused] = useState<SyncResult['refused']>([]);

  const sync = useCallback(async () => {
    if (!queued().length) return setPending([]);
    setSyncing(true);
    try {
      const result = await syncQueue();
      if (result.refused.length) setRefused(result.refused);
      if (result.sent) void Taro.showToast({ title: strings.synced(result.sent), icon: 'success' });
      if (result.sent || result.refused.length) reload();
    } finally {
      setPending(queued());
      setSyncing(false);
    }
  }, [reload]);

  useDidShow(() => void sync());
  useReloadOnReturn(state.reload);
  useEffect(() => {
    const onChange = (res: { isConnected: boolean }) => {
      if (res.isConnected) void sync();
    };
    Taro.onNetworkStatusChange(onChange);
    return () => Taro.offNetworkStatusChange?.(onChange);
  }, [sync]);

  const orders = state.data?.orders;
  const waiting = new Set(pending.map((p) => p.orderId));
  return (
    <>
      <View className={`card deliveries__queue${pending.length ? ' deliveries__queue--waiting' : ''}`}>
        <Text className="title deliveries__queue-text">{strings.queue(pending.length)}</Text>
        {pending.length > 0 && (
          <Text className="action deliveries__sync" onClick={() => void sync()}>
            {syncing ? strings.syncing : strings.sync}
          </Text>
        )}
      </View>
      {refused.map((r) => (
        <FieldError key={r.orderId}>{strings.refused(r.message)}</FieldError>
      ))}
      <List
        state={state}
        items={orders && bySlot(orders)}
        title={strings.loadError}
        empty={<EmptyState glyph="送" title={strings.empty} description={strings.emptyDesc} />}
      >
        {(g) => (
          <View className="card" key={g.key}>
            <Text className="card__title">
              {g.label} · {strings.slotOrders(g.orders.length)}
            </Text>
            {g.orders.map((o) => (
              <OrderItem
                key={o.orderId}
                order={o}
                pending={waiting.has(o.orderId)}
                onChange={() => {
                  setPending(queued());
                  state.reload();
                }}
              />
            ))}
          </View>
        )}
      </List>
    </>
  );
}

export default function DeliveriesPage() {
  const me = useMe();
  const communities = me.data ? scopesOf(me.data.roles, 'worker') : [];
  const [chosen, setChosen] = useState('');
  const community = chosen || communities[0] || '';
  return (
    <Page className="deliveries">
      {!me.data && <NotLoaded state={me} title={strings.loadError} />}
      {me.data && !community && <EmptyState glyph="社" title={strings.noRole} />}
      {communities.length > 1 && (
        <Chips
          options={communities.map((c) => ({ value: c, label: scopeName(c) }))}
          value={community}
          onChange={setChosen}
        />
      )}
      {community && <Deliveries key={community} community={community} />}
    </Page>
  );
}
