import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { InstallmentPlan } from '@citycare/contract';
import Page from '@/components/Page';
import { NotLoaded } from '@/components/StateView';
import { api } from '@/api';
import { revalidate, useApi } from '@/hooks/useApi';
import { dateText, routeParam, yuan } from '@/pages/bills/shared';
import '@/pages/bills/shared.css';
import './index.css';

const strings = {
  loadError: '无法加载分期信息',
  title: '分期缴纳欠费',
  total: (y: string) => `分期总额 ¥${y}`,
  notYet: (d: string) => `${d} 起可以办理`,
  choose: '选择分期月数',
  months: (n: number) => `${n} 个月`,
  each: (y: string) => `每月约 ¥${y}`,
  submit: '确认办理分期',
  working: '正在办理…',
  scheduleTitle: '还款计划',
  line: (n: number) => `第 ${n} 期`,
  note: '分期期间请按计划缴纳，金额合计等于欠费总额，分文不差。',
};

const MONTHS = [3, 6, 12, 24] as const;

function Schedule({ plan }: { plan: InstallmentPlan }) {
  return (
    <View className="card">
      <Text className="ut-title">{strings.scheduleTitle}</Text>
      <Text className="ut-sub">{strings.total(yuan(plan.totalFen))}</Text>
      {plan.schedule.map((l) => (
        <View className="ut-row" key={l.n}>
          <View className="ut-row__main">
            <Text className="ut-sub plan__line">{strings.line(l.n)}</Text>
            <Text className="ut-sub">{dateText(l.dueDate)}</Text>
          </View>
          <Text className="ut-amount">¥{yuan(l.amountFen)}</Text>
        </View>
      ))}
      <Text className="ut-sub plan__note">{strings.note}</Text>
    </View>
  );
}

export default function PlanPage() {
  const accountNo = routeParam(useRouter().params, 'accountNo');
  const state = useApi('utilityAccount', { params: { accountNo } });
  const [months, setMonths] = useState<(typeof MONTHS)[number]>(6);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<InstallmentPlan | null>(null);

  const data = state.data;
  if (!data) {
    return (
      <Page>
        <NotLoaded state={state} title={strings.loadError} />
      </Page>
    );
  }
  const plan = created ?? data.plan;
  if (plan) {
    return (
      <Page>
        <Schedule plan={plan} />
      </Page>
    );
  }
  const { account, planEligibility } = data;

  async function submit() {
    if (busy) return;
    setBusy(true);
    try {
      setCreated((await api('createInstallmentPlan', { params: { accountNo }, body: { months } })).plan);
      revalidate('utilityAccount', { accountNo });
    } catch {
      // shown by the adapter
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page>
      <View className="card">
        <Text className="ut-title">{strings.title}</Text>
        <Text className="ut-sub">{strings.total(yuan(account.arrearsFen))}</Text>
      </View>
      {!planEligibility.eligible ? (
        <View className="card">
          <Text className="ut-notice ut-notice--orange">{planEligibility.reason}</Text>
          <Text className="ut-sub plan__note">{strings.notYet(dateText(planEligibility.availableFrom))}</Text>
        </View>
      ) : (
        <View className="card">
          <Text className="form-label">{strings.choose}</Text>
          <View className="chips">
            {MONTHS.map((m) => (
              <Text key={m} className={`chip${m === months ? ' chip--on' : ''}`} onClick={() => setMonths(m)}>
                {strings.months(m)}
              </Text>
            ))}
          </View>
          <Text className="ut-sub plan__note">{strings.each(yuan(Math.ceil(account.arrearsFen / months)))}</Text>
          <Button className={`btn${busy ? ' btn--busy' : ''}`} onClick={submit}>
            {busy ? strings.working : strings.submit}
          </Button>
        </View>
      )}
    </Page>
  );
}
