import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import List from '@/components/List';
import Page from '@/components/Page';
import { EmptyState } from '@/components/StateView';
import { Chips, Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { COMPANIES, REPAIR_PROBLEMS, REPAIR_STATUS, shanghaiTime } from '@/pages/bills/shared';
import SubscribeButton from '@/components/SubscribeButton';

const strings = {
  intro: '供水、供电、燃气、供暖抢修 24 小时受理。紧急情况（如闻到燃气味）请立即开窗、离开房间并拨打 12345。',
  company: '报修类别',
  problem: '故障类型',
  address: '详细地址',
  addressPlaceholder: '如：站前区建设小区3号楼2单元401',
  description: '故障描述',
  descriptionPlaceholder: '请描述发生了什么、从什么时候开始',
  urgency: '紧急程度',
  normal: '一般',
  urgent: '紧急',
  submit: '提交报修',
  working: '正在提交…',
  needAddress: '请填写详细地址（至少 4 个字）',
  needDescription: '请描述故障情况',
  sent: '报修已提交，工作人员会尽快联系您',
  mineTitle: '我的报修',
  noneTitle: '还没有报修记录',
  loadError: '无法加载报修记录',
};

type Company = (typeof COMPANIES)[number]['id'];
type Problem = keyof typeof REPAIR_PROBLEMS;
type Urgency = 'normal' | 'urgent';

const FIELDS = {
  address: { label: strings.address, placeholder: strings.addressPlaceholder },
  description: {
    label: strings.description,
    multiline: true,
    maxlength: 500,
    placeholder: strings.descriptionPlaceholder,
  },
} as const;
const COMPANY_CHOICES = COMPANIES.map((c) => ({ value: c.id, label: c.name }));
const PROBLEM_CHOICES = (Object.keys(REPAIR_PROBLEMS) as Problem[]).map((p) => ({
  value: p,
  label: REPAIR_PROBLEMS[p],
}));
const URGENCY_CHOICES = [
  { value: 'normal', label: strings.normal },
  { value: 'urgent', label: strings.urgent },
] as const;

export default function RepairPage() {
  const mine = useApi('myRepairs');
  const [company, setCompany] = useState<Company>('ut-water');
  const [problem, setProblem] = useState<Problem>('no-supply');
  const [address, setAddress] = useState('');
  const [description, setDescription] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const submit = useSubmit();

  const send = () =>
    submit.run(
      async () => {
        const body = { company, problem, address: address.trim(), description: description.trim(), urgency };
        await api('createRepair', { body, quiet: true });
        setDescription('');
        mine.reload();
      },
      {
        check: () =>
          address.trim().length < 4
            ? strings.needAddress
            : description.trim().length < 2
              ? strings.needDescription
              : '',
        done: strings.sent,
      },
    );

  return (
    <Page>
      <Notice tone="warn">{strings.intro}</Notice>
      <View className="card">
        <Field label={strings.company}>
          <Chips options={COMPANY_CHOICES} value={company} onChange={setCompany} />
        </Field>
        <Field label={strings.problem}>
          <Chips options={PROBLEM_CHOICES} value={problem} onChange={setProblem} />
        </Field>
        <Field {...FIELDS.address} value={address} onChange={setAddress} />
        <Field {...FIELDS.description} value={description} onChange={setDescription} />
        <Field label={strings.urgency}>
          <Chips options={URGENCY_CHOICES} value={urgency} onChange={setUrgency} />
        </Field>
        <FieldError>{submit.problem}</FieldError>
        <Notice tone="success">{submit.done}</Notice>
        {submit.done && <SubscribeButton topics={['repair']} />}
        <SubmitButton busy={submit.busy} busyText={strings.working} onClick={send}>
          {strings.submit}
        </SubmitButton>
      </View>

      <Text className="section-title">{strings.mineTitle}</Text>
      <List
        state={mine}
        items={mine.data?.repairs}
        title={strings.loadError}
        card
        empty={<EmptyState glyph="修" title={strings.noneTitle} />}
      >
        {(r) => (
          <View className="row" key={r.repairId}>
            <View className="row__main">
              <Text className="line">
                {r.companyName} · {REPAIR_PROBLEMS[r.problem]}
              </Text>
              <Text className="muted">{shanghaiTime(r.createdAt)}</Text>
              {r.note && <Text className="muted">{r.note}</Text>}
            </View>
            <Text className={`tag ${r.status === 'fixed' ? 'tag--green' : 'tag--orange'}`}>
              {REPAIR_STATUS[r.status]}
            </Text>
          </View>
        )}
      </List>
    </Page>
  );
}
