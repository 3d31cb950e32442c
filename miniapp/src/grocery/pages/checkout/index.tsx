import { useRef, useState } from 'react';
import { Button, Switch, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { CheckoutRequest, ResponseBody, Slot } from '@citycare/contract';
import Page from '@/components/Page';
import { CashierHost } from '@/components/cashier';
import { EmptyState, ErrorState, Loading } from '@/components/StateView';
import { api, errorMessage } from '@/api';
import { useApi } from '@/hooks/useApi';
import {
  cartTotal,
  clearCart,
  getCart,
  getHousehold,
  saveCart,
  saveHousehold,
  type Household,
} from '@/grocery/lib/cart';
import { payOrder } from '@/grocery/lib/pay';
import { newKey, routeParam, timeText, windowText, yuan } from '@/lib/grocery/format';
import { Chips, FieldError } from '@/components/form';
import { controlName, unavailable } from '@/lib/a11y';
import HouseholdFields from '@/grocery/lib/HouseholdFields';
import './index.css';

const strings = {
  linesTitle: '商品',
  substitution: '缺货时',
  similar: '同类替换（不会更贵）',
  none: '不替换（缺货就不要了）',
  howTitle: '怎么拿到',
  delivery: '送货上门',
  pickup: '到社区自提点自取',
  slotTitle: (pickup: boolean) => (pickup ? '自取时间' : '送货时间'),
  remaining: (n: number) => (n > 0 ? `剩 ${n} 个名额` : '已约满'),
  cutoff: (t: string) => `${t} 前下单`,
  noSlots: '近几天没有可预约的时间',
  noSlotsDesc: '请稍后再来看看，或联系社区工作者',
  contactless: '无接触配送（放在门口）',
  contactlessDesc: '送到后放在门口，不用当面交接',
  addressTitle: '收货地址',
  contactTitle: '联系人',
  payTitle: '付款方式',
  'on-delivery': '送到后手机支付',
  prepaid: '现在预付',
  total: (y: string) => `合计 ¥${y}`,
  submit: '提交订单',
  submitting: '正在提交…',
  paying: '正在支付…',
  emptyCart: '购物车是空的',
  emptyCartDesc: '请先回到商店选购商品',
  loadError: '无法加载送货时间',
  needSlot: '请选择时间',
  needAddress: '请填写楼号、单元和门牌号',
  needContact: '请填写联系人和 11 位手机号',
};

export default function CheckoutPage() {
  const params = useRouter().params;
  const storeId = routeParam(params, 'storeId');
  const communityId = routeParam(params, 'communityId');
  const slots = useApi('grocerySlots', { params: { storeId } });
  const [lines, setLines] = useState(() => getCart(storeId));
  const [fulfilment, setFulfilment] = useState<'delivery' | 'pickup'>('delivery');
  const [slotId, setSlotId] = useState('');
  const [contactless, setContactless] = useState(true);
  const [payment, setPayment] = useState<'on-delivery' | 'prepaid'>('on-delivery');
  const [home, setHome] = useState<Household>(getHousehold);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState<'' | 'submitting' | 'paying'>('');
  // One Idempotency-Key per checkout attempt: a retry of the same order reuses it.
  const attempt = useRef<{ key: string; body: string }>({ key: '', body: '' });

  if (lines.length === 0) {
    return (
      <Page>
        <EmptyState glyph="车" title={strings.emptyCart} description={strings.emptyCartDesc} />
      </Page>
    );
  }

  const setSubstitution = (itemId: string, substitution: 'similar' | 'none') => {
    const next = lines.map((l) => (l.itemId === itemId ? { ...l, substitution } : l));
    saveCart(storeId, next);
    setLines(next);
  };

  const check = (): string => {
    if (!slotId) return strings.needSlot;
    if (!home.building.trim() || !home.unit.trim() || !home.room.trim()) return strings.needAddress;
    if (!home.name.trim() || !/^1\d{10}$/.test(home.phone.trim())) return strings.needContact;
    return '';
  };

  const submit = async () => {
    const found = check();
    setProblem(found);
    if (found || busy) return;
    const body: CheckoutRequest = {
      storeId,
      communityId,
      slotId,
      fulfilment,
      contactless: fulfilment === 'delivery' ? contactless : true,
      payment,
      address: { building: home.building.trim(), unit: home.unit.trim(), room: home.room.trim() },
      contact: { name: home.name.trim(), phone: home.phone.trim() },
      lines: lines.map((l) => ({ itemId: l.itemId, qty: l.qty, substitution: l.substitution })),
    };
    const text = JSON.stringify(body);
    if (attempt.current.body !== text) attempt.current = { key: newKey('order'), body: text };
    setBusy('submitting');
    let placed: ResponseBody<'groceryCheckout'>;
    try {
      placed = await api('groceryCheckout', { body, idempotencyKey: attempt.current.key, quiet: true });
    } catch (err) {
      setProblem(errorMessage(err));
      slots.reload();
      setBusy('');
      return;
    }
    saveHousehold(home);
    clearCart(storeId);
    const { order, clientParams } = placed;
    let url = `/grocery/pages/order/index?orderId=${order.orderId}&placed=1`;
    // The order exists now: whatever the cashier says, the order page shows it (paid only on
    // WeChat Pay's word; 支付结果确认中 while it has not confirmed; 去支付 when nothing was paid).
    if (clientParams) {
      setBusy('paying');
      url += `&pay=${await payOrder(order, clientParams)}`;
    }
    void Taro.redirectTo({ url });
  };

  const slotOption = (s: Slot) => ({
    value: s.slotId,
    off: !(s.open && s.remaining > 0),
    label: (
      <>
        <Text className="checkout__slot-time">{windowText(s.startsAt, s.endsAt)}</Text>
        <Text className="muted">
          {strings.remaining(s.remaining)} · {strings.cutoff(timeText(s.cutoffAt))}
        </Text>
      </>
    ),
  });
  const options = <T extends 'similar' | 'none' | 'delivery' | 'pickup' | 'on-delivery' | 'prepaid'>(values: T[]) =>
    values.map((value) => ({ value, label: strings[value] }));

  return (
    <Page className="checkout">
      <View className="card">
        <Text className="card__title">{strings.linesTitle}</Text>
        {lines.map((l) => (
          <View className="checkout__line" key={l.itemId}>
            <View className="row">
              <Text className="title">
                {l.name} × {l.qty}
                {l.unit}
              </Text>
              <Text className="price">¥{yuan(l.priceFen * l.qty)}</Text>
            </View>
            <View className="checkout__sub">
              <Text className="muted checkout__sub-label">{strings.substitution}</Text>
              <Chips
                options={options(['similar', 'none'])}
                value={l.substitution}
                onChange={(v) => setSubstitution(l.itemId, v)}
              />
            </View>
          </View>
        ))}
      </View>

      <View className="card">
        <Text className="card__title">{strings.howTitle}</Text>
        <Chips options={options(['delivery', 'pickup'])} value={fulfilment} onChange={setFulfilment} />
        {fulfilment === 'delivery' && (
          <View className="row">
            <View className="row__main">
              <Text className="title">{strings.contactless}</Text>
              <Text className="muted">{strings.contactlessDesc}</Text>
            </View>
            <Switch
              checked={contactless}
              color="#006d4a"
              onChange={(e) => setContactless(e.detail.value)}
              {...controlName(strings.contactless)}
            />
          </View>
        )}
      </View>

      <View className="card">
        <Text className="card__title">{strings.slotTitle(fulfilment === 'pickup')}</Text>
        {!slots.data && slots.loading && <Loading />}
        {!slots.data && !slots.loading && (
          <ErrorState title={strings.loadError} error={slots.error} onRetry={slots.reload} />
        )}
        {slots.data && slots.data.slots.length === 0 && (
          <EmptyState glyph="时" title={strings.noSlots} description={strings.noSlotsDesc} />
        )}
        {slots.data && (
          <Chips
            options={slots.data.slots.map(slotOption)}
            chipClassName="checkout__slot"
            value={slotId}
            onChange={setSlotId}
          />
        )}
      </View>

      <View className="card">
        <HouseholdFields
          prefix="checkout"
          home={home}
          setHome={setHome}
          addressTitle={strings.addressTitle}
          contactTitle={strings.contactTitle}
        />
      </View>

      <View className="card">
        <Text className="card__title">{strings.payTitle}</Text>
        <Chips options={options(['on-delivery', 'prepaid'])} value={payment} onChange={setPayment} />
      </View>

      <FieldError className="checkout__problem">{problem}</FieldError>
      <Text className="checkout__total">{strings.total(yuan(cartTotal(lines)))}</Text>
      <Button className={`btn checkout__submit${busy ? ' btn--busy' : ''}`} onClick={submit} {...unavailable(!!busy)}>
        {busy ? strings[busy] : strings.submit}
      </Button>
      <CashierHost />
    </Page>
  );
}
