import { useCallback, useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { CatalogueItem, HouseholdShare } from '@citycare/contract';
import Page from '@/components/Page';
import { CashierHost } from '@/components/cashier';
import { NotLoaded } from '@/components/StateView';
import { api, errorMessage } from '@/api';
import { useKeyed } from '@/hooks/useApi';
import { getHousehold, saveHousehold, type Household } from '@/grocery/lib/cart';
import { checkPayment, payShare, type PayResult } from '@/grocery/lib/pay';
import { newKey, routeParam, timeText, yuan } from '@/lib/grocery/format';
import Catalogue from '../store/Catalogue';
import Share, { type ShareWork } from './Share';
import { FieldError, Notice } from '@/components/form';
import HouseholdFields from '@/grocery/lib/HouseholdFields';
import GroupHeading from '@/lib/grocery/GroupHeading';
import { unavailable } from '@/lib/a11y';
import './index.css';

const strings = {
  loadError: '无法加载团购',
  cutoff: (t: string) => `${t} 截止报名，到时由社区统一下单`,
  members: (n: number) => `已有 ${n} 户参加`,
  closed: '团购已截止，已统一下单给商店',
  cancelled: '团购已取消',
  closing: '已截止报名，正在统一下单给商店',
  paidToast: '支付成功',
  payCancelled: '已取消支付，没有扣款',
  joinTitle: '选购商品',
  addressTitle: '收货地址和联系人',
  join: (y: string) => `参加团购 ¥${y}`,
  joining: '正在提交…',
  joined: '已参加团购',
  needItems: '请至少选一种商品',
  needAddress: '请填写楼号、单元、门牌号、联系人和 11 位手机号',
};

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
  // Shares paid in the cashier but not yet confirmed by WeChat Pay: never shown as paid.
  const [confirming, setConfirming] = useState<Record<string, boolean>>({});
  const [work, setWork] = useState<{ memberId: string; kind: ShareWork }>({ memberId: '', kind: '' });

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

  const told = (share: HouseholdShare, result: PayResult | undefined) => {
    setConfirming((c) => ({ ...c, [share.memberId]: result === 'pending' }));
    if (result === 'paid') void Taro.showToast({ title: strings.paidToast, icon: 'success' });
    if (result === 'cancelled') void Taro.showToast({ title: strings.payCancelled, icon: 'none' });
  };
  /** One payment action on a share at a time; the adapter has shown an API error. */
  const onShare = async (share: HouseholdShare, kind: Exclude<ShareWork, ''>, run: () => Promise<void>) => {
    if (busy || work.kind) return;
    setWork({ memberId: share.memberId, kind });
    try {
      await run();
    } catch {
      // shown by the adapter
    } finally {
      setWork({ memberId: '', kind: '' });
      state.reload();
    }
  };
  const pay = (share: HouseholdShare) =>
    onShare(share, 'paying', async () => told(share, await payShare(group, share)));
  const check = (share: HouseholdShare) =>
    onShare(share, 'checking', async () => {
      const status = share.payment && (await checkPayment(share.payment.paymentId));
      if (status !== 'pending') setConfirming((c) => ({ ...c, [share.memberId]: false }));
      if (status === 'paid') void Taro.showToast({ title: strings.paidToast, icon: 'success' });
    });

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
      const answer = await api('groceryJoinGroup', {
        params: { groupId },
        body,
        idempotencyKey: attempt.current.key,
        quiet: true,
      });
      saveHousehold(home);
      setQty({});
      void Taro.showToast({ title: strings.joined, icon: 'success' });
      // Joined: WeChat Pay's cashier at once (the share stays to be paid if it is closed).
      if (answer.clientParams) told(answer.share, await payShare(group, answer.share, answer.clientParams));
      state.reload();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page className="group">
      <GroupHeading
        group={group}
        lines={[strings.cutoff(timeText(group.cutoffAt)), strings.members(group.memberCount)]}
      />
      {group.status === 'closed' && <Notice tone="success">{strings.closed}</Notice>}
      {group.status === 'cancelled' && <Notice tone="warn">{strings.cancelled}</Notice>}
      {group.status === 'closing' && <Notice tone="success">{strings.closing}</Notice>}
      {group.shares.map((s) => (
        <Share
          key={s.memberId}
          share={s}
          confirming={confirming[s.memberId] === true}
          work={work.memberId === s.memberId ? work.kind : ''}
          onPay={() => void pay(s)}
          onCheck={() => void check(s)}
        />
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
            <HouseholdFields prefix="group" home={home} setHome={setHome} addressTitle={strings.addressTitle} />
          </View>
          <FieldError>{problem}</FieldError>
          <Button className={`btn${busy ? ' btn--busy' : ''}`} onClick={join} {...unavailable(busy)}>
            {busy ? strings.joining : strings.join(yuan(total))}
          </Button>
        </>
      )}
      <CashierHost />
    </Page>
  );
}
