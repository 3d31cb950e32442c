import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import Page from '@/components/Page';
import { EmptyState, ErrorState, Loading } from '@/components/StateView';
import { api, errorMessage } from '@/api';
import { useApi } from '@/hooks/useApi';
import { routeParam, shanghaiDate, shanghaiIso, timeText, windowText } from '@/lib/grocery/format';
import '@/lib/grocery/grocery.css';
import './index.css';

const strings = {
  loadError: '无法加载送货时段',
  empty: '还没有送货时段',
  slotsTitle: '送货时段',
  booked: (b: number, c: number, r: number) => `已约 ${b} / ${c} 单（其中 ${r} 个名额留给红黄码家庭）`,
  cutoff: (t: string) => `${t} 截单`,
  closed: '已截单',
  pickList: '拣货单',
  addTitle: '新增送货时段',
  day: '日期',
  start: '开始，如 09:00',
  end: '结束，如 11:00',
  cutoffTime: '当天截单时间，如 07:00',
  capacity: '最多接几单',
  add: '新增',
  adding: '正在保存…',
  added: '已新增',
  badTime: '时间请写成 09:00 这样的格式',
  badCapacity: '名额请填 1 到 1000 的整数',
};

const DAYS = [0, 1, 2, 3, 4, 5, 6];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export default function StoreSlotsPage() {
  const storeId = routeParam(useRouter().params, 'storeId');
  const state = useApi('grocerySlots', { params: { storeId } });
  const [day, setDay] = useState(1);
  const [form, setForm] = useState({ start: '09:00', end: '11:00', cutoff: '07:00', capacity: '40' });
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const add = async () => {
    if (busy) return;
    if (![form.start, form.end, form.cutoff].every((t) => TIME.test(t.trim()))) return setProblem(strings.badTime);
    const capacity = Number(form.capacity);
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 1000) return setProblem(strings.badCapacity);
    const date = shanghaiDate(day);
    setBusy(true);
    setProblem('');
    try {
      await api('groceryAddSlot', {
        params: { storeId },
        body: {
          startsAt: shanghaiIso(date, form.start.trim()),
          endsAt: shanghaiIso(date, form.end.trim()),
          cutoffAt: shanghaiIso(date, form.cutoff.trim()),
          capacity,
        },
        quiet: true,
      });
      void Taro.showToast({ title: strings.added, icon: 'success' });
      state.reload();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const input = (key: keyof typeof form, placeholder: string) => (
    <Input
      className={`form-input slots__${key}`}
      value={form[key]}
      placeholder={placeholder}
      onInput={(e) => setForm((f) => ({ ...f, [key]: e.detail.value }))}
    />
  );

  const slots = state.data?.slots;
  return (
    <Page className="store-slots">
      <Text className="section-title slots__section">{strings.slotsTitle}</Text>
      {!slots && state.loading && <Loading />}
      {!slots && !state.loading && <ErrorState title={strings.loadError} error={state.error} onRetry={state.reload} />}
      {slots && slots.length === 0 && <EmptyState glyph="时" title={strings.empty} />}
      {slots && slots.length > 0 && (
        <View className="card">
          {slots.map((s) => (
            <View
              className="gr-row"
              key={s.slotId}
              hoverClass="tap-active"
              onClick={() =>
                Taro.navigateTo({ url: `/staff/pages/store-picklist/index?storeId=${storeId}&slotId=${s.slotId}` })
              }
            >
              <View className="gr-main">
                <Text className="gr-title">{windowText(s.startsAt, s.endsAt)}</Text>
                <Text className="gr-sub">{strings.booked(s.booked, s.capacity, s.reserved)}</Text>
                <Text className={`gr-tag ${s.open ? 'gr-tag--green' : 'gr-tag--red'}`}>
                  {s.open ? strings.cutoff(timeText(s.cutoffAt)) : strings.closed}
                </Text>
              </View>
              <Text className="gr-action gr-action--plain">{strings.pickList} ›</Text>
            </View>
          ))}
        </View>
      )}

      <View className="card">
        <Text className="form-label">{strings.addTitle}</Text>
        <View className="chips">
          {DAYS.map((d) => (
            <Text key={d} className={`chip${day === d ? ' chip--on' : ''}`} onClick={() => setDay(d)}>
              {shanghaiDate(d).slice(5).replace('-', '月')}日
            </Text>
          ))}
        </View>
        <View className="gr-fields">
          {input('start', strings.start)}
          {input('end', strings.end)}
        </View>
        {input('cutoff', strings.cutoffTime)}
        {input('capacity', strings.capacity)}
        {problem && <Text className="gr-problem">{problem}</Text>}
        <Button className={`btn${busy ? ' btn--busy' : ''}`} onClick={add}>
          {busy ? strings.adding : strings.add}
        </Button>
      </View>
    </Page>
  );
}
