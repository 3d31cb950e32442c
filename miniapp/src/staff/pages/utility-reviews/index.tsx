import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ResponseBody } from '@citycare/contract';
import Page from '@/components/Page';
import { EmptyState, ErrorState, Loading } from '@/components/StateView';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { shanghaiTime, yuan } from '@/pages/bills/shared';
import { CompanyGate, CompanyHeader, useCompany } from '../utility-desk/company';
import '@/pages/bills/shared.css';
import './index.css';

const strings = {
  loadError: '无法加载申请',
  empty: '没有待审核的申请',
  emptyDesc: '缓缴期内的申请按规则自动批准，不需要审核。',
  applied: (t: string) => `提交于 ${t}`,
  hardship: '困难说明',
  approve: '批准（立即保护，不得停供）',
  reject: '驳回',
  reasonPlaceholder: '驳回原因（必填，住户会看到）',
  needReason: '请填写驳回原因',
  approved: '已批准',
  rejected: '已驳回',
};

type Review = ResponseBody<'reliefReviews'>['reviews'][number];

function ReviewCard({ company, review, onDone }: { company: string; review: Review; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  async function decide(decision: 'approve' | 'reject') {
    if (decision === 'reject' && reason.trim().length < 2) {
      setProblem(strings.needReason);
      return;
    }
    if (busy) return;
    setBusy(true);
    try {
      await api('decideRelief', {
        params: { company, householdId: review.householdId },
        body: decision === 'approve' ? { decision } : { decision, reason: reason.trim() },
      });
      void Taro.showToast({ title: decision === 'approve' ? strings.approved : strings.rejected, icon: 'success' });
      onDone();
    } catch {
      // shown by the adapter
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="card">
      {review.accounts.map((a) => (
        <View className="ut-row" key={a.accountNo}>
          <View className="ut-row__main">
            <Text className="ut-title">{a.holderMasked}</Text>
            <Text className="ut-sub">{a.accountNo}</Text>
          </View>
          <Text className="ut-amount ut-amount--due">¥{yuan(a.arrearsFen)}</Text>
        </View>
      ))}
      <Text className="ut-sub reviews__meta">{strings.applied(shanghaiTime(review.appliedAt))}</Text>
      <Text className="form-label">{strings.hardship}</Text>
      <Text className="reviews__hardship">{review.hardship}</Text>
      <Button className={`btn${busy ? ' btn--busy' : ''}`} onClick={() => decide('approve')}>
        {strings.approve}
      </Button>
      <Input
        className="form-input reviews__reason"
        value={reason}
        placeholder={strings.reasonPlaceholder}
        onInput={(e) => setReason(e.detail.value)}
      />
      {problem && <Text className="ut-problem">{problem}</Text>}
      <Button className={`btn btn--danger${busy ? ' btn--busy' : ''}`} onClick={() => decide('reject')}>
        {strings.reject}
      </Button>
    </View>
  );
}

export default function ReviewsPage() {
  const gate = useCompany();
  const company = gate.company ?? '';
  const list = useApi('reliefReviews', company ? { params: { company } } : null);
  const reviews = list.data?.reviews;
  return (
    <CompanyGate {...gate}>
      <Page>
        <CompanyHeader name={gate.name} />
        {list.loading && !reviews && <Loading />}
        {!list.loading && list.error !== undefined && (
          <ErrorState title={strings.loadError} error={list.error} onRetry={list.reload} />
        )}
        {reviews?.length === 0 && <EmptyState glyph="审" title={strings.empty} description={strings.emptyDesc} />}
        {reviews?.map((r) => (
          <ReviewCard key={r.householdId} company={company} review={r} onDone={list.reload} />
        ))}
      </Page>
    </CompanyGate>
  );
}
