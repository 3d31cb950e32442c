import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import Page from '@/components/Page';
import List from '@/components/List';
import { EmptyState } from '@/components/StateView';
import { Consent, consentVersion, Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useKeyed } from '@/hooks/useApi';
import { newScanId } from '@/lib/health/queue';
import { shanghaiShort } from '@/lib/health/time';
import { scopeName } from '@/lib/roles';

const strings = {
  consent: '（已向来访人说明），来访人同意登记其姓名、电话、来源地和体温，只用于防疫追踪，28 天后删除。',
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

const KEYS = ['name', 'phone', 'origin', 'reason', 'temperature'] as const;
const BLANK: Record<(typeof KEYS)[number], string> = { name: '', phone: '', origin: '', reason: '', temperature: '' };
type Decision = 'through' | 'turned-back';

export default function OutsidersPage() {
  const { params } = useRouter();
  const placeId = params.placeId ?? '';
  const load = useCallback(
    () => api('healthOutsiders', { params: { placeId }, quiet: true }).then((r) => r.outsiders),
    [placeId],
  );
  const list = useKeyed(['healthOutsiders', { placeId }, 'outsiders'], load);
  const [form, setForm] = useState(BLANK);
  // The person registered agrees, read to them at the checkpoint; unticked for each new person.
  const [consent, setConsent] = useState(false);
  const submit = useSubmit<Decision>();

  const send = (decision: Decision) => {
    const t = Number(form.temperature);
    return submit.run(
      async () => {
        await api('healthAddOutsider', {
          body: {
            ...form,
            temperature: t,
            decision,
            placeId,
            outsiderId: newScanId(),
            consentVersion: consentVersion(consent),
          },
          quiet: true,
        });
        setForm(BLANK);
        setConsent(false);
        list.reload();
      },
      { action: decision, check: () => (KEYS.some((k) => !form[k]) || Number.isNaN(t) ? strings.incomplete : '') },
    );
  };

  return (
    <Page className="outsiders">
      <Text className="section-title">{scopeName(placeId)}</Text>
      <Text className="muted">{strings.intro}</Text>
      <View className="card">
        {KEYS.map((key) => (
          <Field
            key={key}
            label={strings[key]}
            required
            name={key}
            type={key === 'phone' ? 'number' : key === 'temperature' ? 'digit' : 'text'}
            value={form[key]}
            onChange={(value) => setForm((f) => ({ ...f, [key]: value }))}
          />
        ))}
        <Consent checked={consent} onChange={setConsent} text={strings.consent} />
        <FieldError>{submit.problem}</FieldError>
      </View>
      <SubmitButton busy={submit.action === 'through'} onClick={() => send('through')}>
        {strings.through}
      </SubmitButton>
      <SubmitButton tone="danger" busy={submit.action === 'turned-back'} onClick={() => send('turned-back')}>
        {strings.back}
      </SubmitButton>
      <Text className="section-title">{strings.listTitle}</Text>
      <List
        state={list}
        items={list.data}
        title={strings.loadError}
        empty={<EmptyState glyph="登" title={strings.empty} />}
        card
      >
        {(o) => (
          <View key={o.outsiderId} className="row row--stack">
            <Text className="strong">
              {o.maskedName} {o.phoneMasked} · {strings.decisions[o.decision]}
            </Text>
            <Text>
              {o.origin} · {o.reason} · {o.temperature.toFixed(1)} °C
            </Text>
            <Text className="muted">{shanghaiShort(o.at)}</Text>
          </View>
        )}
      </List>
    </Page>
  );
}
