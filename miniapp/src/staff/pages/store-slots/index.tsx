import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Page from '@/components/Page';
import List from '@/components/List';
import NavRow from '@/components/NavRow';
import { EmptyState } from '@/components/StateView';
import { Chips, Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { routeParam, shanghaiDate, shanghaiIso, timeText, windowText } from '@/lib/grocery/format';

const strings = {
  loadError: '无法加载送货时段',
  empty: '还没有送货时段',
  slotsTitle: '送货时段',
  booked: (b: number, c: number, r: number) => `已约 ${b} / ${c} 单（其中 ${r} 个名额留给红黄码家庭）`,
  cutoff: (t: string) => `${t} 截单`,
  closed: '已截单',
  pickList: '拣货单',
  addTitle: '新增送货时段',
  labels: { start: '开始时间', end: '结束时间', cutoff: '当天截单时间', capacity: '最多接几单' },
  placeholders: { start: '如 09:00', end: '如 11:00', cutoff: '如 07:00', capacity: '如 40' },
  add: '新增',
  adding: '正在保存…',
  added: '已新增',
  badTime: '时间请写成 09:00 这样的格式',
  badCapacity: '名额请填 1 到 1000 的整数',
};

const DAYS = [0, 1, 2, 3, 4, 5, 6];
/** The next seven days as chips: `2月10日`. */
const dayChips = () => DAYS.map((d) => ({ value: d, label: `${shanghaiDate(d).slice(5).replace('-', '月')}日` }));
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export default function StoreSlotsPage() {
  const storeId = routeParam(useRouter().params, 'storeId');
  const state = useApi('grocerySlots', { params: { storeId } });
  const [day, setDay] = useState(1);
  const [form, setForm] = useState({ start: '09:00', end: '11:00', cutoff: '07:00', capacity: '40' });
  const submit = useSubmit();

  const check = () => {
    if (![form.start, form.end, form.cutoff].every((t) => TIME.test(t.trim()))) return strings.badTime;
    const capacity = Number(form.capacity);
    return Number.isInteger(capacity) && capacity >= 1 && capacity <= 1000 ? '' : strings.badCapacity;
  };

  const add = () =>
    submit.run(
      async () => {
        const date = shanghaiDate(day);
        await api('groceryAddSlot', {
          params: { storeId },
          body: {
            startsAt: shanghaiIso(date, form.start.trim()),
            endsAt: shanghaiIso(date, form.end.trim()),
            cutoffAt: shanghaiIso(date, form.cutoff.trim()),
            capacity: Number(form.capacity),
          },
          quiet: true,
        });
        void Taro.showToast({ title: strings.added, icon: 'success' });
        state.reload();
      },
      { check },
    );

  const input = (key: keyof typeof form) => (
    <Field
      label={strings.labels[key]}
      className={`slots__${key}`}
      value={form[key]}
      placeholder={strings.placeholders[key]}
      onChange={(value) => setForm((f) => ({ ...f, [key]: value }))}
    />
  );

  return (
    <Page className="store-slots">
      <Text className="section-title">{strings.slotsTitle}</Text>
      <List
        state={state}
        items={state.data?.slots}
        title={strings.loadError}
        empty={<EmptyState glyph="时" title={strings.empty} />}
        card
      >
        {(s) => (
          <NavRow
            key={s.slotId}
            url={`/staff/pages/store-picklist/index?storeId=${storeId}&slotId=${s.slotId}`}
            title={windowText(s.startsAt, s.endsAt)}
            end={<Text className="action action--plain">{strings.pickList} ›</Text>}
          >
            <Text className="muted">{strings.booked(s.booked, s.capacity, s.reserved)}</Text>
            <Text className={`tag ${s.open ? 'tag--green' : 'tag--red'}`}>
              {s.open ? strings.cutoff(timeText(s.cutoffAt)) : strings.closed}
            </Text>
          </NavRow>
        )}
      </List>
      <View className="card">
        <Text className="card__title">{strings.addTitle}</Text>
        <Chips options={dayChips()} value={day} onChange={setDay} />
        <View className="field-row">
          {input('start')}
          {input('end')}
        </View>
        {input('cutoff')}
        {input('capacity')}
        <FieldError>{submit.problem}</FieldError>
        <SubmitButton busy={submit.busy} busyText={strings.adding} onClick={add}>
          {strings.add}
        </SubmitButton>
      </View>
    </Page>
  );
}
