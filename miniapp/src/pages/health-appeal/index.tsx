import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Page from '@/components/Page';
import { api, errorMessage } from '@/api';
import '../health/forms.css';
import './index.css';

const strings = {
  intro:
    '认为健康码颜色不对（例如体温填错、没有去过风险地区）时，写明情况，卫健工作人员会复核并回复在“状态变更记录”中。',
  reason: '情况说明',
  placeholder: '例如：早上体温计读数有误，复测 36.5 °C',
  submit: '提交纠错申请',
  tooShort: '请写明情况（至少 2 个字）',
  done: '已提交，请等待卫健工作人员复核',
  back: '返回',
};

export default function AppealPage() {
  const { params } = useRouter();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async () => {
    if (reason.trim().length < 2) return setProblem(strings.tooShort);
    if (busy) return;
    setBusy(true);
    try {
      await api('healthAppeal', { body: { residentId: params.residentId ?? '', reason: reason.trim() }, quiet: true });
      setDone(true);
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page className="appeal">
      {done ? (
        <View className="card result result--green">
          <Text className="result__big">{strings.done}</Text>
          <Button className="btn btn--plain" onClick={() => void Taro.navigateBack()}>
            {strings.back}
          </Button>
        </View>
      ) : (
        <>
          <Text className="muted">{strings.intro}</Text>
          <View className="card">
            <View className="field">
              <Text className="field__label">{strings.reason}</Text>
              <Textarea
                className="field__textarea"
                value={reason}
                maxlength={200}
                placeholder={strings.placeholder}
                onInput={(e) => setReason(e.detail.value)}
              />
            </View>
            {problem && <Text className="field__error">{problem}</Text>}
          </View>
          <Button className={`btn ${busy ? 'btn--busy' : ''}`} onClick={() => void submit()}>
            {strings.submit}
          </Button>
        </>
      )}
    </Page>
  );
}
