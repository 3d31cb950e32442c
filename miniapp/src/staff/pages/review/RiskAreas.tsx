import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { NotLoaded } from '@/components/StateView';
import { Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';

const strings = {
  title: '风险地区名单',
  loadError: '无法加载风险地区',
  region: '地区（如 湖北省、武汉市）',
  note: '说明',
  reason: '调整原因（记入审计）',
  add: '加入名单',
  remove: '移出',
  incomplete: '请填写地区和调整原因',
};

const KEYS = ['region', 'note', 'reason'] as const;

/** Officials keep the risk-area list; each change is audited with their reason. */
export default function RiskAreas() {
  const rules = useApi('healthRules');
  const [form, setForm] = useState<Record<(typeof KEYS)[number], string>>({ region: '', note: '', reason: '' });
  const submit = useSubmit();

  const change = (action: 'add' | 'remove', target: string) =>
    submit.run(
      async () => {
        await api('healthChangeRiskArea', {
          body: { action, region: target.trim(), note: form.note.trim(), reason: form.reason.trim() },
          quiet: true,
        });
        setForm((f) => ({ ...f, region: '' }));
        rules.reload();
      },
      { check: () => (target.trim().length < 2 || form.reason.trim().length < 2 ? strings.incomplete : '') },
    );

  return (
    <View>
      <Text className="section-title">{strings.title}</Text>
      <View className="card">
        {!rules.data && <NotLoaded state={rules} title={strings.loadError} />}
        {rules.data?.riskAreas.map((a) => (
          <View key={a.region} className="row">
            <Text className="row__main">
              {a.region} · {a.note} · {a.since}
            </Text>
            <Text className="link" onClick={() => void change('remove', a.region)}>
              {strings.remove}
            </Text>
          </View>
        ))}
        {KEYS.map((key) => (
          <Field
            key={key}
            label={strings[key]}
            value={form[key]}
            onChange={(value) => setForm((f) => ({ ...f, [key]: value }))}
          />
        ))}
        <FieldError>{submit.problem}</FieldError>
        <SubmitButton tone="plain" busy={submit.busy} onClick={() => change('add', form.region)}>
          {strings.add}
        </SubmitButton>
      </View>
    </View>
  );
}
