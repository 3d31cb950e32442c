import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Page from '@/components/Page';
import { EmptyState, NotLoaded } from '@/components/StateView';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { routeParam, shareState, timeText, yuan } from '@/lib/grocery/format';
import '@/lib/grocery/grocery.css';
import './index.css';

const strings = {
  loadError: '无法加载团购',
  cutoff: (t: string) => `${t} 截止报名`,
  summary: (n: number, y: string) => `${n} 户参加 · 共 ¥${y}`,
  totalsTitle: '汇总（向商店下单的数量）',
  membersTitle: '各户明细（按户分发）',
  noMembers: '还没有居民参加',
  close: '截止并统一下单',
  closeConfirm: '截止后居民不能再参加，所有商品合成一单发给商店。确定吗？',
  closeEmpty: '还没有居民参加，截止后团购会取消。确定吗？',
  closed: '已统一下单',
  cancelled: '团购已取消（没有居民参加）',
  orderDone: '已合成一个订单发给商店',
  closing: '已过截止时间，系统几分钟内会自动合成一单发给商店；也可以现在手动截止。',
};

export default function WorkerGroupPage() {
  const groupId = routeParam(useRouter().params, 'groupId');
  const state = useApi('groceryGroup', { params: { groupId } });
  const [busy, setBusy] = useState(false);
  const group = state.data?.group;
  if (!group) {
    return (
      <Page>
        <NotLoaded state={state} title={strings.loadError} />
      </Page>
    );
  }

  const close = async () => {
    if (busy) return;
    const content = group.memberCount ? strings.closeConfirm : strings.closeEmpty;
    const { confirm } = await Taro.showModal({ title: strings.close, content });
    if (!confirm) return;
    setBusy(true);
    try {
      await api('groceryCloseGroup', { params: { groupId } });
      void Taro.showToast({ title: strings.closed, icon: 'success' });
      state.reload();
    } catch {
      // shown by the adapter
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page className="wgroup">
      <View className="card">
        <Text className="gr-title">
          {group.label} · {group.storeName}
        </Text>
        <Text className="gr-sub">{strings.cutoff(timeText(group.cutoffAt))}</Text>
        <Text className="gr-sub">{strings.summary(group.memberCount, yuan(group.totalFen))}</Text>
      </View>
      {group.status === 'closed' && <Text className="gr-notice">{strings.orderDone}</Text>}
      {group.status === 'cancelled' && <Text className="gr-notice gr-notice--orange">{strings.cancelled}</Text>}
      {group.status === 'closing' && <Text className="gr-notice gr-notice--orange">{strings.closing}</Text>}
      {group.totals.length > 0 && (
        <View className="card">
          <Text className="form-label">{strings.totalsTitle}</Text>
          {group.totals.map((t) => (
            <View className="gr-row" key={t.itemId}>
              <Text className="gr-title">{t.name}</Text>
              <Text className="gr-title">
                {t.qty} {t.unit}
              </Text>
            </View>
          ))}
        </View>
      )}
      <Text className="section-title wgroup__section">{strings.membersTitle}</Text>
      {group.shares.length === 0 ? (
        <EmptyState glyph="户" title={strings.noMembers} />
      ) : (
        <View className="card">
          {group.shares.map((s) => (
            <View className="gr-row" key={s.memberId}>
              <View className="gr-main">
                <Text className="gr-title">
                  {s.household} · {s.contactName}
                </Text>
                <Text className="gr-sub">{s.lines.map((l) => `${l.name} ×${l.qty}${l.unit}`).join('，')}</Text>
              </View>
              <View className="wgroup__money">
                <Text className="gr-price">¥{yuan(s.totalFen)}</Text>
                <Text className={`gr-tag gr-tag--${shareState(s).tone}`}>{shareState(s).text}</Text>
              </View>
            </View>
          ))}
        </View>
      )}
      {(group.status === 'open' || group.status === 'closing') && (
        <Button className={`btn wgroup__close${busy ? ' btn--busy' : ''}`} onClick={close}>
          {strings.close}
        </Button>
      )}
    </Page>
  );
}
