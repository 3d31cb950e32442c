import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Loading, NotLoaded } from '@/components/StateView';
import { Chips, Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
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
  const submit = useSubmit();

  if (!stores.data) return <NotLoaded state={stores} title={strings.loadError} />;
  const slot = slots.data?.slots.find((s) => s.slotId === slotId);
  const cutoffAt = (s: { cutoffAt: string }) => new Date(Date.parse(s.cutoffAt) - hours * 3600_000).toISOString();

  const open = () =>
    submit.run(
      async () => {
        if (!slot) return;
        await api('groceryOpenGroup', {
          body: {
            storeId,
            communityId: community,
            slotId,
            label: form.label.trim(),
            cutoffAt: cutoffAt(slot),
            contact: { name: form.name.trim(), phone: form.phone.trim() },
          },
          quiet: true,
        });
        void Taro.showToast({ title: strings.opened, icon: 'success' });
        onOpened();
      },
      {
        check: () =>
          !slot || form.label.trim().length < 2 || !form.name.trim() || !/^1\d{10}$/.test(form.phone.trim())
            ? strings.need
            : '',
      },
    );

  const input = (key: keyof typeof form) => (
    <Field
      className={`open__${key}`}
      value={form[key]}
      type={key === 'phone' ? 'number' : 'text'}
      placeholder={strings[key]}
      onChange={(value) => setForm((f) => ({ ...f, [key]: value }))}
    />
  );

  const openSlots = (slots.data?.slots ?? []).filter((s) => s.open);
  return (
    <View className="card">
      <Text className="card__title">{strings.title}</Text>
      <Field label={strings.store}>
        <Chips
          options={stores.data.stores.map((s) => ({ value: s.storeId, label: s.name }))}
          value={storeId}
          onChange={(id) => (setStoreId(id), setSlotId(''))}
        />
      </Field>
      {storeId && (
        <Field label={strings.slot}>
          {slots.loading && <Loading />}
          {slots.data?.slots.length === 0 && <FieldError>{strings.noSlots}</FieldError>}
          <Chips
            options={openSlots.map((s) => ({ value: s.slotId, label: windowText(s.startsAt, s.endsAt) }))}
            value={slotId}
            onChange={setSlotId}
          />
        </Field>
      )}
      {slot && (
        <Field label={`${strings.cutoff}：${timeText(cutoffAt(slot))}`}>
          <Chips
            options={HOURS.map((h) => ({ value: h, label: strings.before(h) }))}
            value={hours}
            onChange={setHours}
          />
        </Field>
      )}
      {input('label')}
      {input('name')}
      {input('phone')}
      <FieldError>{submit.problem}</FieldError>
      <SubmitButton busy={submit.busy} busyText={strings.opening} onClick={open}>
        {strings.open}
      </SubmitButton>
    </View>
  );
}
