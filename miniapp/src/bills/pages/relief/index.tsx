import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReliefApplication } from '@citycare/contract';
import Page from '@/components/Page';
import { EmptyState, NotLoaded } from '@/components/StateView';
import { api, errorMessage } from '@/api';
import { revalidate, useApi } from '@/hooks/useApi';
import { dateText, lastDay } from '@/pages/bills/shared';
import '@/pages/bills/shared.css';
import './index.css';

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
  status: { pending: '审核中', approved: '已批准', rejected: '未通过' },
  protectedUntil: (d: string) => `保护期至 ${d}`,
  back: '返回缴费首页',
};

function Result({ relief }: { relief: ReliefApplication }) {
  return (
    <View className="card relief__result">
      <Text className="ut-title">{strings.resultTitle}</Text>
      {relief.parts.map((p) => (
        <View className="ut-row" key={p.company}>
          <View className="ut-row__main">
            <Text className="ut-sub relief__company">{p.companyName}</Text>
            {p.status === 'approved' && p.protectedUntil && (
              <Text className="ut-sub">{strings.protectedUntil(lastDay(p.protectedUntil))}</Text>
            )}
          </View>
          <Text
            className={`ut-tag ${p.status === 'approved' ? 'ut-tag--green' : p.status === 'pending' ? 'ut-tag--orange' : 'ut-tag--red'}`}
          >
            {strings.status[p.status]}
          </Text>
        </View>
      ))}
    </View>
  );
}

export default function ReliefPage() {
  const state = useApi('utilityOverview');
  const [hardship, setHardship] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReliefApplication | null>(null);

  const data = state.data;
  if (!data) {
    return (
      <Page>
        <NotLoaded state={state} title={strings.loadError} />
      </Page>
    );
  }

  async function submit() {
    const text = hardship.trim();
    const issue = text.length < 2 ? strings.needHardship : '';
    setProblem(issue);
    if (issue || busy) return;
    setBusy(true);
    try {
      const { relief } = await api('applyRelief', { body: { hardship: text }, quiet: true });
      setResult(relief);
      revalidate('utilityOverview');
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (result) {
    return (
      <Page>
        <Result relief={result} />
        <Button className="btn" onClick={() => Taro.switchTab({ url: '/pages/bills/index' })}>
          {strings.back}
        </Button>
      </Page>
    );
  }

  const w = data.window;
  return (
    <Page>
      <Text className="ut-notice ut-notice--orange relief__intro">{strings.intro}</Text>
      <Text className={`ut-notice ${w.open ? 'ut-notice--green' : 'ut-notice--orange'} relief__intro`}>
        {w.open ? strings.windowOpen(dateText(w.endDate)) : strings.windowClosed}
      </Text>
      <Text className="section-title">{strings.accountsTitle}</Text>
      {data.accounts.length === 0 ? (
        <EmptyState glyph="户" title={strings.noAccounts} />
      ) : (
        <View className="card">
          {data.accounts.map((a) => (
            <View className="ut-row" key={a.accountNo}>
              <View className="ut-row__main">
                <Text className="ut-sub relief__company">{a.companyName}</Text>
                <Text className="ut-sub">
                  {a.accountNo} · {a.holderMasked}
                </Text>
              </View>
            </View>
          ))}
        </View>
      )}
      {data.accounts.length > 0 && (
        <View className="card">
          <Text className="form-label">{strings.hardship}</Text>
          <Textarea
            className="form-textarea relief__hardship"
            value={hardship}
            maxlength={300}
            placeholder={strings.hardshipPlaceholder}
            onInput={(e) => setHardship(e.detail.value)}
          />
          {problem && <Text className="ut-problem">{problem}</Text>}
          <Button className={`btn${busy ? ' btn--busy' : ''}`} onClick={submit}>
            {busy ? strings.working : strings.submit}
          </Button>
        </View>
      )}
    </Page>
  );
}
