import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { RepairView } from '@citycare/contract';
import Page from '@/components/Page';
import { EmptyState, ErrorState, Loading } from '@/components/StateView';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { REPAIR_PROBLEMS, REPAIR_STATUS, shanghaiTime } from '@/pages/bills/shared';
import { CompanyGate, CompanyHeader, useCompany } from '../utility-desk/company';
import '@/pages/bills/shared.css';
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
  const [busy, setBusy] = useState(false);
  const next = strings.nextStatus[repair.status];
  async function advance() {
    if (!next || busy) return;
    setBusy(true);
    try {
      await api('updateRepair', { params: { company, repairId: repair.repairId }, body: { status: next } });
      onDone();
    } catch {
      // shown by the adapter
    } finally {
      setBusy(false);
    }
  }
  return (
    <View className={`card rq__card${repair.status === 'fixed' ? ' rq__card--done' : ''}`}>
      <View>
        {repair.urgency === 'urgent' && <Text className="ut-tag ut-tag--red">{strings.urgent}</Text>}
        <Text className={`ut-tag ${repair.status === 'fixed' ? 'ut-tag--green' : 'ut-tag--orange'}`}>
          {REPAIR_STATUS[repair.status]}
        </Text>
      </View>
      <Text className="ut-title rq__what">{REPAIR_PROBLEMS[repair.problem]}</Text>
      <Text className="ut-sub">{repair.address}</Text>
      <Text className="rq__desc">{repair.description}</Text>
      <Text className="ut-sub">{shanghaiTime(repair.createdAt)}</Text>
      {next && (
        <Button className={`btn rq__action${busy ? ' btn--busy' : ''}`} onClick={advance}>
          {strings.next[repair.status]}
        </Button>
      )}
    </View>
  );
}

export default function RepairQueuePage() {
  const gate = useCompany();
  const company = gate.company ?? '';
  const list = useApi('repairQueue', company ? { params: { company } } : null);
  const repairs = list.data?.repairs;
  return (
    <CompanyGate {...gate}>
      <Page>
        <CompanyHeader name={gate.name} />
        {list.loading && !repairs && <Loading />}
        {!list.loading && list.error !== undefined && (
          <ErrorState title={strings.loadError} error={list.error} onRetry={list.reload} />
        )}
        {repairs?.length === 0 && <EmptyState glyph="修" title={strings.empty} />}
        {repairs?.map((r) => (
          <RepairCard key={r.repairId} company={company} repair={r} onDone={list.reload} />
        ))}
      </Page>
    </CompanyGate>
  );
}
