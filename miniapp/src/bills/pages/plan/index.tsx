import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { InstallmentPlan } from '@citycare/contract';
import Page from '@/components/Page';
import { NotLoadedPage } from '@/components/StateView';
import { Chips, Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { revalidate, useApi } from '@/hooks/useApi';
import { dateText, routeParam, yuan } from '@/pages/bills/shared';
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
type Months = (typeof MONTHS)[number];
const MONTH_CHOICES = MONTHS.map((m) => ({ value: m, label: strings.months(m) }));

function Schedule({ plan }: { plan: InstallmentPlan }) {
  return (
    <View className="card">
      <Text className="title">{strings.scheduleTitle}</Text>
      <Text className="muted">{strings.total(yuan(plan.totalFen))}</Text>
      {plan.schedule.map((l) => (
        <View className="row" key={l.n}>
          <View className="row__main">
            <Text className="line">{strings.line(l.n)}</Text>
            <Text className="muted">{dateText(l.dueDate)}</Text>
          </View>
          <Text className="amount">¥{yuan(l.amountFen)}</Text>
        </View>
      ))}
      <Text className="muted plan__note">{strings.note}</Text>
    </View>
  );
}

export default function PlanPage() {
  const accountNo = routeParam(useRouter().params, 'accountNo');
  const state = useApi('utilityAccount', { params: { accountNo } });
  const [months, setMonths] = useState<Months>(6);
  const submit = useSubmit();
  const [created, setCreated] = useState<InstallmentPlan | null>(null);

  const data = state.data;
  if (!data) return <NotLoadedPage state={state} title={strings.loadError} />;
  const plan = created ?? data.plan;
  if (plan) {
    return (
      <Page>
        <Schedule plan={plan} />
      </Page>
    );
  }
  const { account, planEligibility } = data;

  const send = () =>
    submit.run(async () => {
      setCreated((await api('createInstallmentPlan', { params: { accountNo }, body: { months }, quiet: true })).plan);
      revalidate('utilityAccount', { accountNo });
    });

  return (
    <Page>
      <View className="card">
        <Text className="title">{strings.title}</Text>
        <Text className="muted">{strings.total(yuan(account.arrearsFen))}</Text>
      </View>
      {!planEligibility.eligible ? (
        <View className="card">
          <Notice tone="warn">{planEligibility.reason}</Notice>
          <Text className="muted plan__note">{strings.notYet(dateText(planEligibility.availableFrom))}</Text>
        </View>
      ) : (
        <View className="card">
          <Field label={strings.choose}>
            <Chips options={MONTH_CHOICES} value={months} onChange={setMonths} />
          </Field>
          <Text className="muted plan__note">{strings.each(yuan(Math.ceil(account.arrearsFen / months)))}</Text>
          <FieldError>{submit.problem}</FieldError>
          <SubmitButton busy={submit.busy} busyText={strings.working} onClick={send}>
            {strings.submit}
          </SubmitButton>
        </View>
      )}
    </Page>
  );
}
