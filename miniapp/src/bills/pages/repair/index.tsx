import { useState } from 'react';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Page from '@/components/Page';
import { EmptyState, ErrorState, Loading } from '@/components/StateView';
import { api, errorMessage } from '@/api';
import { useApi } from '@/hooks/useApi';
import { COMPANIES, REPAIR_PROBLEMS, REPAIR_STATUS, shanghaiTime } from '@/pages/bills/shared';
import '@/pages/bills/shared.css';
import './index.css';

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

export default function RepairPage() {
  const mine = useApi('myRepairs');
  const [company, setCompany] = useState<Company>('ut-water');
  const [problem, setProblem] = useState<Problem>('no-supply');
  const [address, setAddress] = useState('');
  const [description, setDescription] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [issue, setIssue] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const check =
      address.trim().length < 4 ? strings.needAddress : description.trim().length < 2 ? strings.needDescription : '';
    setIssue(check);
    if (check || busy) return;
    setBusy(true);
    try {
      await api('createRepair', {
        body: {
          company,
          problem,
          address: address.trim(),
          description: description.trim(),
          urgency: urgent ? 'urgent' : 'normal',
        },
        quiet: true,
      });
      setSent(true);
      setDescription('');
      mine.reload();
    } catch (err) {
      setIssue(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const chip = (on: boolean) => `chip${on ? ' chip--on' : ''}`;
  return (
    <Page>
      <Text className="ut-notice ut-notice--orange repair__intro">{strings.intro}</Text>
      <View className="card">
        <Text className="form-label">{strings.company}</Text>
        <View className="chips">
          {COMPANIES.map((c) => (
            <Text key={c.id} className={chip(c.id === company)} onClick={() => setCompany(c.id)}>
              {c.name}
            </Text>
          ))}
        </View>
        <Text className="form-label">{strings.problem}</Text>
        <View className="chips">
          {(Object.keys(REPAIR_PROBLEMS) as Problem[]).map((p) => (
            <Text key={p} className={chip(p === problem)} onClick={() => setProblem(p)}>
              {REPAIR_PROBLEMS[p]}
            </Text>
          ))}
        </View>
        <Text className="form-label">{strings.address}</Text>
        <Input
          className="form-input"
          value={address}
          placeholder={strings.addressPlaceholder}
          onInput={(e) => setAddress(e.detail.value)}
        />
        <Text className="form-label">{strings.description}</Text>
        <Textarea
          className="form-textarea"
          value={description}
          maxlength={500}
          placeholder={strings.descriptionPlaceholder}
          onInput={(e) => setDescription(e.detail.value)}
        />
        <Text className="form-label">{strings.urgency}</Text>
        <View className="chips">
          <Text className={chip(!urgent)} onClick={() => setUrgent(false)}>
            {strings.normal}
          </Text>
          <Text className={chip(urgent)} onClick={() => setUrgent(true)}>
            {strings.urgent}
          </Text>
        </View>
        {issue && <Text className="ut-problem">{issue}</Text>}
        {sent && !issue && <Text className="ut-notice ut-notice--green repair__sent">{strings.sent}</Text>}
        <Button className={`btn${busy ? ' btn--busy' : ''}`} onClick={submit}>
          {busy ? strings.working : strings.submit}
        </Button>
      </View>

      <Text className="section-title">{strings.mineTitle}</Text>
      {mine.loading && !mine.data && <Loading />}
      {!mine.data && !mine.loading && <ErrorState title={strings.loadError} error={mine.error} onRetry={mine.reload} />}
      {mine.data && mine.data.repairs.length === 0 && <EmptyState glyph="修" title={strings.noneTitle} />}
      {mine.data && mine.data.repairs.length > 0 && (
        <View className="card">
          {mine.data.repairs.map((r) => (
            <View className="ut-row" key={r.repairId}>
              <View className="ut-row__main">
                <Text className="ut-sub repair__what">
                  {r.companyName} · {REPAIR_PROBLEMS[r.problem]}
                </Text>
                <Text className="ut-sub">{shanghaiTime(r.createdAt)}</Text>
                {r.note && <Text className="ut-sub">{r.note}</Text>}
              </View>
              <Text className={`ut-tag ${r.status === 'fixed' ? 'ut-tag--green' : 'ut-tag--orange'}`}>
                {REPAIR_STATUS[r.status]}
              </Text>
            </View>
          ))}
        </View>
      )}
    </Page>
  );
}
