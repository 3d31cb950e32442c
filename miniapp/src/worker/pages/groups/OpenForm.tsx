import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ErrorState, Loading } from '@/components/StateView';
import { api, errorMessage } from '@/api';
import { useApi } from '@/hooks/useApi';
import { timeText, windowText } from '@/lib/grocery/format';

const strings = {
  title: '开一个团购',
  store: '向哪家商店统一下单',
  slot: '送货时段',
  noSlots: '这家商店近几天没有可约的时段',
  cutoff: '报名截止',
  before: (h: number) => (h ? `截单前 ${h} 小时` : '随商店截单'),
  label: '团购名称，如：3号楼 或 北岔村',
  name: '收货联系人',
  phone: '联系人手机号',
  open: '开团',
  opening: '正在开团…',
  opened: '已开团',
  loadError: '无法加载商店',
  need: '请选择商店和时段，并填写名称、联系人和 11 位手机号',
};

const HOURS = [0, 2, 6, 12];

/** The worker opens a group purchase for a building or village: store, slot, cutoff, label, contact. */
export default function OpenForm({ community, onOpened }: { community: string; onOpened: () => void }) {
  const stores = useApi('groceryStores', { params: { communityId: community } });
  const [storeId, setStoreId] = useState('');
  const slots = useApi('grocerySlots', storeId ? { params: { storeId } } : null);
  const [slotId, setSlotId] = useState('');
  const [hours, setHours] = useState(0);
  const [form, setForm] = useState({ label: '', name: '', phone: '' });
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  if (!stores.data) {
    return stores.loading ? (
      <Loading />
    ) : (
      <ErrorState title={strings.loadError} error={stores.error} onRetry={stores.reload} />
    );
  }
  const slot = slots.data?.slots.find((s) => s.slotId === slotId);

  const open = async () => {
    if (busy) return;
    if (!slot || form.label.trim().length < 2 || !form.name.trim() || !/^1\d{10}$/.test(form.phone.trim()))
      return setProblem(strings.need);
    setBusy(true);
    setProblem('');
    try {
      await api('groceryOpenGroup', {
        body: {
          storeId,
          communityId: community,
          slotId,
          label: form.label.trim(),
          cutoffAt: new Date(Date.parse(slot.cutoffAt) - hours * 3600_000).toISOString(),
          contact: { name: form.name.trim(), phone: form.phone.trim() },
        },
        quiet: true,
      });
      void Taro.showToast({ title: strings.opened, icon: 'success' });
      onOpened();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const input = (key: keyof typeof form) => (
    <Input
      className={`form-input open__${key}`}
      value={form[key]}
      type={key === 'phone' ? 'number' : 'text'}
      placeholder={strings[key]}
      onInput={(e) => setForm((f) => ({ ...f, [key]: e.detail.value }))}
    />
  );

  return (
    <View className="card">
      <Text className="form-label">{strings.title}</Text>
      <Text className="gr-sub">{strings.store}</Text>
      <View className="chips">
        {stores.data.stores.map((s) => (
          <Text
            key={s.storeId}
            className={`chip${storeId === s.storeId ? ' chip--on' : ''}`}
            onClick={() => (setStoreId(s.storeId), setSlotId(''))}
          >
            {s.name}
          </Text>
        ))}
      </View>
      {storeId && (
        <>
          <Text className="gr-sub">{strings.slot}</Text>
          {slots.loading && <Loading />}
          {slots.data?.slots.length === 0 && <Text className="gr-problem">{strings.noSlots}</Text>}
          <View className="chips">
            {slots.data?.slots
              .filter((s) => s.open)
              .map((s) => (
                <Text
                  key={s.slotId}
                  className={`chip${slotId === s.slotId ? ' chip--on' : ''}`}
                  onClick={() => setSlotId(s.slotId)}
                >
                  {windowText(s.startsAt, s.endsAt)}
                </Text>
              ))}
          </View>
        </>
      )}
      {slot && (
        <>
          <Text className="gr-sub">
            {strings.cutoff}：{timeText(new Date(Date.parse(slot.cutoffAt) - hours * 3600_000).toISOString())}
          </Text>
          <View className="chips">
            {HOURS.map((h) => (
              <Text key={h} className={`chip${hours === h ? ' chip--on' : ''}`} onClick={() => setHours(h)}>
                {strings.before(h)}
              </Text>
            ))}
          </View>
        </>
      )}
      {input('label')}
      {input('name')}
      {input('phone')}
      {problem && <Text className="gr-problem">{problem}</Text>}
      <Button className={`btn${busy ? ' btn--busy' : ''}`} onClick={open}>
        {busy ? strings.opening : strings.open}
      </Button>
    </View>
  );
}
