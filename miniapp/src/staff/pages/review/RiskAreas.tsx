import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ErrorState, Loading } from '@/components/StateView';
import { api, errorMessage } from '@/api';
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

/** Officials keep the risk-area list; each change is audited with their reason. */
export default function RiskAreas() {
  const rules = useApi('healthRules');
  const [region, setRegion] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');

  const change = async (action: 'add' | 'remove', target: string) => {
    if (target.trim().length < 2 || reason.trim().length < 2) return setProblem(strings.incomplete);
    try {
      await api('healthChangeRiskArea', {
        body: { action, region: target.trim(), note: note.trim(), reason: reason.trim() },
        quiet: true,
      });
      setProblem('');
      setRegion('');
      rules.reload();
    } catch (err) {
      setProblem(errorMessage(err));
    }
  };

  return (
    <View>
      <Text className="section-title">{strings.title}</Text>
      <View className="card">
        {!rules.data && rules.loading && <Loading />}
        {!rules.data && !rules.loading && (
          <ErrorState title={strings.loadError} error={rules.error} onRetry={rules.reload} />
        )}
        {rules.data?.riskAreas.map((a) => (
          <View key={a.region} className="list-row">
            <Text>
              {a.region} · {a.note} · {a.since}
            </Text>
            <Text className="link" onClick={() => void change('remove', a.region)}>
              {strings.remove}
            </Text>
          </View>
        ))}
        {(['region', 'note', 'reason'] as const).map((key) => (
          <View key={key} className="field">
            <Text className="field__label">{strings[key]}</Text>
            <Input
              className="field__input"
              value={key === 'region' ? region : key === 'note' ? note : reason}
              onInput={(e) => (key === 'region' ? setRegion : key === 'note' ? setNote : setReason)(e.detail.value)}
            />
          </View>
        ))}
        {problem && <Text className="field__error">{problem}</Text>}
        <Button className="btn btn--plain" onClick={() => void change('add', region)}>
          {strings.add}
        </Button>
      </View>
    </View>
  );
}
