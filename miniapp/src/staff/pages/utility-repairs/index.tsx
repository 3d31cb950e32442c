import { Text, View } from '@tarojs/components';
import type { RepairView } from '@citycare/contract';
import List from '@/components/List';
import { EmptyState } from '@/components/StateView';
import { FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { REPAIR_PROBLEMS, REPAIR_STATUS, shanghaiTime } from '@/pages/bills/shared';
import { CompanyPage, useCompany } from '../utility-desk/company';
import './index.css';

const strings = {
  loadError: '无法加载报修工单',
  empty: '暂无报修',
  urgent: '紧急',
  next: { submitted: '受理', received: '派单', dispatched: '标记已修复' } as Record<string, string>,
  nextStatus: { submitted: 'received', received: 'dispatched', dispatched: 'fixed' } as Record<
    string,
    'received' | 'dispatched' | 'fixed'
  >,
};

function RepairCard({ company, repair, onDone }: { company: string; repair: RepairView; onDone: () => void }) {
  const submit = useSubmit();
  const next = strings.nextStatus[repair.status];
  const advance = () =>
    submit.run(async () => {
      if (!next) return;
      await api('updateRepair', {
        params: { company, repairId: repair.repairId },
        body: { status: next },
        quiet: true,
      });
      onDone();
    });
  return (
    <View className={`card rq__card${repair.status === 'fixed' ? ' rq__card--done' : ''}`}>
      <View>
        {repair.urgency === 'urgent' && <Text className="tag tag--red">{strings.urgent}</Text>}
        <Text className={`tag ${repair.status === 'fixed' ? 'tag--green' : 'tag--orange'}`}>
          {REPAIR_STATUS[repair.status]}
        </Text>
      </View>
      <Text className="title rq__what">{REPAIR_PROBLEMS[repair.problem]}</Text>
      <Text className="muted">{repair.address}</Text>
      <Text className="rq__desc">{repair.description}</Text>
      <Text className="muted">{shanghaiTime(repair.createdAt)}</Text>
      {next && (
        <SubmitButton className="rq__action" busy={submit.busy} onClick={advance}>
          {strings.next[repair.status]}
        </SubmitButton>
      )}
      <FieldError className="rq__problem">{submit.problem}</FieldError>
    </View>
  );
}

export default function RepairQueuePage() {
  const gate = useCompany();
  const company = gate.company ?? '';
  const list = useApi('repairQueue', company ? { params: { company } } : null);
  return (
    <CompanyPage gate={gate}>
      <List
        state={list}
        items={list.data?.repairs}
        title={strings.loadError}
        empty={<EmptyState glyph="修" title={strings.empty} />}
      >
        {(r) => <RepairCard key={r.repairId} company={company} repair={r} onDone={list.reload} />}
      </List>
    </CompanyPage>
  );
}
