import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { AppealView } from '@citycare/contract';
import List from '@/components/List';
import Page from '@/components/Page';
import { Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { shanghaiShort } from '@/lib/health/time';
import '@/lib/health/health.css';
import './index.css';
import SubscribeButton from '@/components/SubscribeButton';

const strings = {
  intro:
    '认为健康码颜色不对（例如体温填错、没有去过风险地区）时，写明情况，卫健工作人员会复核，并在本页答复处理结果和理由。',
  reason: '情况说明',
  placeholder: '例如：早上体温计读数有误，复测 36.5 °C',
  submit: '提交纠错申请',
  tooShort: '请写明情况（至少 2 个字）',
  done: '已提交，请等待卫健工作人员复核',
  back: '返回',
  mine: '我的纠错申请',
  loadError: '无法加载纠错申请',
  open: '处理中',
  openNote: '您有一份纠错申请正在处理，答复后才能再次申请。',
  outcome: { changed: '已调整健康码状态', kept: '维持原状态' },
  decision: '答复理由：',
  submitted: (at: string) => `${at} 提交`,
};

const REASON = { label: strings.reason, multiline: true, maxlength: 200, placeholder: strings.placeholder } as const;

function AppealRow({ a }: { a: AppealView }) {
  const closed = a.status === 'closed';
  return (
    <View className={`row row--stack appeal__row appeal__row--${closed ? 'closed' : 'open'}`}>
      <Text className="strong appeal__outcome">{closed && a.outcome ? strings.outcome[a.outcome] : strings.open}</Text>
      <Text>{a.reason}</Text>
      {closed && a.decision && (
        <Text className="appeal__decision">
          {strings.decision}
          {a.decision}
        </Text>
      )}
      <Text className="muted">
        {strings.submitted(shanghaiShort(a.createdAt))}
        {a.closedAt ? ` · ${shanghaiShort(a.closedAt)} 答复` : ''}
      </Text>
    </View>
  );
}

export default function AppealPage() {
  const { params } = useRouter();
  const residentId = params.residentId ?? '';
  const mine = useApi('healthMyAppeals', residentId ? { params: { residentId } } : null);
  const appeals = mine.data?.appeals;
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const [done, setDone] = useState(false);
  const hasOpen = !!appeals?.some((a) => a.status === 'open');

  const send = () =>
    submit.run(
      async () => {
        await api('healthAppeal', { body: { residentId, reason: reason.trim() }, quiet: true });
        setDone(true);
        mine.reload();
      },
      { check: () => (reason.trim().length < 2 ? strings.tooShort : '') },
    );

  return (
    <Page className="appeal">
      {done ? (
        <View className="card result result--green">
          <Text className="result__big">{strings.done}</Text>
          <SubscribeButton topics={['appeal']} />
          <Button className="btn btn--plain" onClick={() => void Taro.navigateBack()}>
            {strings.back}
          </Button>
        </View>
      ) : (
        <>
          <Text className="muted">{strings.intro}</Text>
          {hasOpen ? (
            <Text className="card appeal__note">{strings.openNote}</Text>
          ) : (
            <>
              <View className="card">
                <Field {...REASON} value={reason} onChange={setReason} />
                <FieldError>{submit.problem}</FieldError>
              </View>
              <SubmitButton busy={submit.busy} onClick={send}>
                {strings.submit}
              </SubmitButton>
            </>
          )}
        </>
      )}
      <Text className="section-title">{strings.mine}</Text>
      <List state={mine} items={appeals} title={strings.loadError} card empty={null}>
        {(a) => <AppealRow key={a.appealId} a={a} />}
      </List>
    </Page>
  );
}
