import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReliefApplication } from '@citycare/contract';
import List from '@/components/List';
import Page from '@/components/Page';
import { EmptyState, NotLoadedPage } from '@/components/StateView';
import { Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { revalidate, useApi } from '@/hooks/useApi';
import ReliefParts from '@/pages/bills/ReliefParts';
import { dateText } from '@/pages/bills/shared';
import SubscribeButton from '@/components/SubscribeButton';

const strings = {
  loadError: '无法加载',
  intro:
    '一次申请覆盖您家绑定的全部户号（水、电、气、暖）。获批后，保护期内欠费不停供，缓缴期内到期账单的滞纳金全部减免，缓缴期结束后欠费可分期缴纳。',
  windowOpen: (end: string) => `现在处于缓缴期（至 ${end}），提交后立即生效。`,
  windowClosed: '现在不在缓缴期内，提交后由各公用事业公司审核，请留意结果。',
  accountsTitle: '将覆盖的户号',
  noAccounts: '请先绑定户号',
  hardship: '困难情况说明',
  hardshipPlaceholder: '如：疫情期间停工在家，暂无收入',
  needHardship: '请简要说明困难情况（至少 2 个字）',
  submit: '提交申请',
  working: '正在提交…',
  resultTitle: '申请结果',
  protectedUntil: (d: string) => `保护期至 ${d}`,
  back: '返回缴费首页',
};

const HARDSHIP = {
  label: strings.hardship,
  className: 'relief__hardship',
  multiline: true,
  maxlength: 300,
  placeholder: strings.hardshipPlaceholder,
} as const;

export default function ReliefPage() {
  const state = useApi('utilityOverview');
  const [hardship, setHardship] = useState('');
  const submit = useSubmit();
  const [result, setResult] = useState<ReliefApplication | null>(null);

  const data = state.data;
  if (!data) return <NotLoadedPage state={state} title={strings.loadError} />;

  const send = () => {
    const text = hardship.trim();
    return submit.run(
      async () => {
        const { relief } = await api('applyRelief', { body: { hardship: text }, quiet: true });
        setResult(relief);
        revalidate('utilityOverview');
      },
      { check: () => (text.length < 2 ? strings.needHardship : '') },
    );
  };

  if (result) {
    return (
      <Page>
        <ReliefParts
          relief={result}
          title={strings.resultTitle}
          until={strings.protectedUntil}
          className="relief__result"
        />
        <SubscribeButton topics={['relief']} />
        <Button className="btn" onClick={() => void Taro.switchTab({ url: '/pages/bills/index' })}>
          {strings.back}
        </Button>
      </Page>
    );
  }

  const w = data.window;
  return (
    <Page>
      <Notice tone="warn">{strings.intro}</Notice>
      <Notice tone={w.open ? 'success' : 'warn'}>
        {w.open ? strings.windowOpen(dateText(w.endDate)) : strings.windowClosed}
      </Notice>
      <Text className="section-title">{strings.accountsTitle}</Text>
      <List items={data.accounts} card empty={<EmptyState glyph="户" title={strings.noAccounts} />}>
        {(a) => (
          <View className="row" key={a.accountNo}>
            <View className="row__main">
              <Text className="line">{a.companyName}</Text>
              <Text className="muted">
                {a.accountNo} · {a.holderMasked}
              </Text>
            </View>
          </View>
        )}
      </List>
      {data.accounts.length > 0 && (
        <View className="card">
          <Field {...HARDSHIP} value={hardship} onChange={setHardship} />
          <FieldError>{submit.problem}</FieldError>
          <SubmitButton busy={submit.busy} busyText={strings.working} onClick={send}>
            {strings.submit}
          </SubmitButton>
        </View>
      )}
    </Page>
  );
}
