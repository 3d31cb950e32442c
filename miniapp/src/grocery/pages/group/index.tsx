import { useCallback, useRef, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { CatalogueItem, HouseholdShare } from '@citycare/contract';
import Page from '@/components/Page';
import { NotLoaded } from '@/components/StateView';
import { api, errorMessage } from '@/api';
import { useKeyed } from '@/hooks/useApi';
import { getHousehold, saveHousehold, type Household } from '@/grocery/lib/cart';
import { newKey, routeParam, shareState, timeText, yuan } from '@/lib/grocery/format';
import Catalogue from '../store/Catalogue';
import '@/lib/grocery/grocery.css';
import './index.css';

const strings = {
  loadError: '无法加载团购',
  cutoff: (t: string) => `${t} 截止报名，到时由社区统一下单`,
  members: (n: number) => `已有 ${n} 户参加`,
  closed: '团购已截止，已统一下单给商店',
  cancelled: '团购已取消',
  closing: '已截止报名，正在统一下单给商店',
  myShare: '我的份额',
  pay: (y: string) => `手机支付 ¥${y}`,
  payConfirm: (y: string) => `将通过手机支付 ¥${y}，确定吗？`,
  paidToast: '支付成功',
  joinTitle: '选购商品',
  addressTitle: '收货地址和联系人',
  building: '楼号',
  unit: '单元',
  room: '门牌号',
  name: '姓名',
  phone: '手机号',
  join: (y: string) => `参加团购 ¥${y}`,
  joining: '正在提交…',
  joined: '已参加团购',
  needItems: '请至少选一种商品',
  needAddress: '请填写楼号、单元、门牌号、联系人和 11 位手机号',
};

function Share({ share, groupId, onPaid }: { share: HouseholdShare; groupId: string; onPaid: () => void }) {
  const [busy, setBusy] = useState(false);
  const pay = async () => {
    const total = yuan(share.totalFen);
    const { confirm } = await Taro.showModal({ title: strings.pay(total), content: strings.payConfirm(total) });
    if (!confirm || busy) return;
    setBusy(true);
    try {
      await api('groceryPayShare', { params: { groupId, memberId: share.memberId } });
      void Taro.showToast({ title: strings.paidToast, icon: 'success' });
      onPaid();
    } catch {
      // shown by the adapter
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card">
      <Text className="form-label">{strings.myShare}</Text>
      <Text className="gr-sub">{share.household}</Text>
      {share.lines.map((l) => (
        <View className="gr-row" key={l.itemId}>
          <Text className="gr-title">
            {l.name} × {l.qty}
            {l.unit}
          </Text>
          <Text className="gr-price">¥{yuan(l.lineFen)}</Text>
        </View>
      ))}
      <Text className={`gr-tag gr-tag--${shareState(share).tone}`}>{shareState(share).text}</Text>
      {!share.paid && !share.released && (
        <Button className={`btn group__pay${busy ? ' btn--busy' : ''}`} onClick={pay}>
          {strings.pay(yuan(share.totalFen))}
        </Button>
      )}
    </View>
  );
}

export default function GroupPage() {
  const groupId = routeParam(useRouter().params, 'groupId');
  const load = useCallback(async () => {
    const { group } = await api('groceryGroup', { params: { groupId }, quiet: true });
    const catalogue = await api('groceryCatalogue', { params: { storeId: group.storeId }, quiet: true });
    return { group, items: catalogue.items };
  }, [groupId]);
  const state = useKeyed(['groceryGroup', { groupId }, 'withCatalogue'], load);
  const [qty, setQty] = useState<Record<string, number>>({});
  const [home, setHome] = useState<Household>(getHousehold);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const attempt = useRef({ key: '', body: '' });

  if (!state.data) {
    return (
      <Page>
        <NotLoaded state={state} title={strings.loadError} />
      </Page>
    );
  }
  const { group, items } = state.data;
  const chosen = items.filter((i) => (qty[i.itemId] ?? 0) > 0);
  const total = chosen.reduce((s, i) => s + i.priceFen * (qty[i.itemId] ?? 0), 0);

  const join = async () => {
    if (busy) return;
    if (!chosen.length) return setProblem(strings.needItems);
    const filled = [home.building, home.unit, home.room, home.name].every((v) => v.trim());
    if (!filled || !/^1\d{10}$/.test(home.phone.trim())) return setProblem(strings.needAddress);
    const body = {
      address: { building: home.building.trim(), unit: home.unit.trim(), room: home.room.trim() },
      contact: { name: home.name.trim(), phone: home.phone.trim() },
      lines: chosen.map((i) => ({ itemId: i.itemId, qty: qty[i.itemId] ?? 0, substitution: 'none' as const })),
    };
    const text = JSON.stringify(body);
    if (attempt.current.body !== text) attempt.current = { key: newKey('join'), body: text };
    setBusy(true);
    setProblem('');
    try {
      await api('groceryJoinGroup', { params: { groupId }, body, idempotencyKey: attempt.current.key, quiet: true });
      saveHousehold(home);
      setQty({});
      void Taro.showToast({ title: strings.joined, icon: 'success' });
      state.reload();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof Household) => (
    <Input
      className={`form-input group__${name}`}
      value={home[name]}
      type={name === 'phone' ? 'number' : 'text'}
      placeholder={strings[name]}
      onInput={(e) => setHome((h) => ({ ...h, [name]: e.detail.value }))}
    />
  );

  return (
    <Page className="group">
      <View className="card">
        <Text className="gr-title">
          {group.label} · {group.storeName}
        </Text>
        <Text className="gr-sub">{strings.cutoff(timeText(group.cutoffAt))}</Text>
        <Text className="gr-sub">{strings.members(group.memberCount)}</Text>
      </View>
      {group.status === 'closed' && <Text className="gr-notice">{strings.closed}</Text>}
      {group.status === 'cancelled' && <Text className="gr-notice gr-notice--orange">{strings.cancelled}</Text>}
      {group.status === 'closing' && <Text className="gr-notice">{strings.closing}</Text>}
      {group.shares.map((s) => (
        <Share key={s.memberId} share={s} groupId={groupId} onPaid={state.reload} />
      ))}
      {group.status === 'open' && (
        <>
          <Text className="section-title group__section">{strings.joinTitle}</Text>
          <Catalogue
            items={items}
            qtyOf={(id) => qty[id] ?? 0}
            onQty={(item: CatalogueItem, n: number) => setQty((q) => ({ ...q, [item.itemId]: n }))}
          />
          <View className="card">
            <Text className="form-label">{strings.addressTitle}</Text>
            <View className="gr-fields">
              {field('building')}
              {field('unit')}
              {field('room')}
            </View>
            {field('name')}
            {field('phone')}
          </View>
          {problem && <Text className="gr-problem">{problem}</Text>}
          <Button className={`btn${busy ? ' btn--busy' : ''}`} onClick={join}>
            {busy ? strings.joining : strings.join(yuan(total))}
          </Button>
        </>
      )}
    </Page>
  );
}
