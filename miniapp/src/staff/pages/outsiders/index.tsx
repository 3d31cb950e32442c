import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import Page from '@/components/Page';
import { EmptyState, ErrorState, Loading } from '@/components/StateView';
import { api, errorMessage } from '@/api';
import { useKeyed } from '@/hooks/useApi';
import { newScanId } from '@/lib/health/queue';
import { shanghaiShort } from '@/lib/health/time';
import { scopeName } from '@/lib/roles';
import '@/pages/health/forms.css';
import './index.css';

const strings = {
  intro: '对外劝返；确有急事的，登记并测温后放行。信息只保存 28 天，列表中打码显示。',
  name: '姓名',
  phone: '手机号',
  origin: '从哪里来',
  reason: '来访事由',
  temperature: '体温（°C）',
  through: '登记放行',
  back: '劝返',
  listTitle: '近 24 小时登记',
  empty: '近 24 小时没有外来人员登记',
  loadError: '无法加载登记记录',
  incomplete: '请把姓名、手机号、来源地、事由和体温填写完整',
  decisions: { through: '放行', 'turned-back': '劝返' },
};

export default function OutsidersPage() {
  const { params } = useRouter();
  const placeId = params.placeId ?? '';
  const load = useCallback(
    () => api('healthOutsiders', { params: { placeId }, quiet: true }).then((r) => r.outsiders),
    [placeId],
  );
  const list = useKeyed(['healthOutsiders', { placeId }, 'outsiders'], load);
  const [form, setForm] = useState({ name: '', phone: '', origin: '', reason: '', temperature: '' });
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { detail: { value: string } }) =>
    setForm({ ...form, [key]: e.detail.value });

  const submit = async (decision: 'through' | 'turned-back') => {
    const t = Number(form.temperature);
    if (!form.name || !form.phone || !form.origin || !form.reason || !form.temperature || Number.isNaN(t)) {
      return setProblem(strings.incomplete);
    }
    if (busy) return;
    setBusy(true);
    try {
      await api('healthAddOutsider', {
        body: { ...form, temperature: t, decision, placeId, outsiderId: newScanId() },
        quiet: true,
      });
      setForm({ name: '', phone: '', origin: '', reason: '', temperature: '' });
      setProblem('');
      list.reload();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page className="outsiders">
      <Text className="section-title">{scopeName(placeId)}</Text>
      <Text className="muted">{strings.intro}</Text>
      <View className="card">
        {(['name', 'phone', 'origin', 'reason', 'temperature'] as const).map((key) => (
          <View key={key} className="field">
            <Text className="field__label">{strings[key]}</Text>
            <Input
              className="field__input"
              name={key}
              type={key === 'phone' ? 'number' : key === 'temperature' ? 'digit' : 'text'}
              value={form[key]}
              onInput={set(key)}
            />
          </View>
        ))}
        {problem && <Text className="field__error">{problem}</Text>}
      </View>
      <Button className={`btn ${busy ? 'btn--busy' : ''}`} onClick={() => void submit('through')}>
        {strings.through}
      </Button>
      <Button className="btn btn--danger" onClick={() => void submit('turned-back')}>
        {strings.back}
      </Button>
      <Text className="section-title">{strings.listTitle}</Text>
      {!list.data && list.loading && <Loading />}
      {!list.data && !list.loading && <ErrorState title={strings.loadError} error={list.error} onRetry={list.reload} />}
      {list.data?.length === 0 && <EmptyState glyph="登" title={strings.empty} />}
      {!!list.data?.length && (
        <View className="card">
          {list.data.map((o) => (
            <View key={o.outsiderId} className="list-row">
              <Text className="strong">
                {o.maskedName} {o.phoneMasked} · {strings.decisions[o.decision]}
              </Text>
              <Text>
                {o.origin} · {o.reason} · {o.temperature.toFixed(1)} °C
              </Text>
              <Text className="muted">{shanghaiShort(o.at)}</Text>
            </View>
          ))}
        </View>
      )}
    </Page>
  );
}
