import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ResponseBody } from '@citycare/contract';
import List from '@/components/List';
import { EmptyState } from '@/components/StateView';
import { Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { shanghaiTime, yuan } from '@/pages/bills/shared';
import { CompanyPage, useCompany } from '../utility-desk/company';
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
type Decision = 'approve' | 'reject';

function ReviewCard({ company, review, onDone }: { company: string; review: Review; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const submit = useSubmit<Decision>();

  const decide = (decision: Decision) =>
    submit.run(
      async () => {
        await api('decideRelief', {
          params: { company, householdId: review.householdId },
          body: decision === 'approve' ? { decision } : { decision, reason: reason.trim() },
          quiet: true,
        });
        void Taro.showToast({ title: decision === 'approve' ? strings.approved : strings.rejected, icon: 'success' });
        onDone();
      },
      { action: decision, check: () => (decision === 'reject' && reason.trim().length < 2 ? strings.needReason : '') },
    );

  return (
    <View className="card">
      {review.accounts.map((a) => (
        <View className="row" key={a.accountNo}>
          <View className="row__main">
            <Text className="title">{a.holderMasked}</Text>
            <Text className="muted">{a.accountNo}</Text>
          </View>
          <Text className="amount amount--due">¥{yuan(a.arrearsFen)}</Text>
        </View>
      ))}
      <Text className="muted reviews__meta">{strings.applied(shanghaiTime(review.appliedAt))}</Text>
      <Field label={strings.hardship}>
        <Text className="reviews__hardship">{review.hardship}</Text>
      </Field>
      <SubmitButton busy={submit.action === 'approve'} onClick={() => decide('approve')}>
        {strings.approve}
      </SubmitButton>
      <Field className="reviews__reason" value={reason} placeholder={strings.reasonPlaceholder} onChange={setReason} />
      <FieldError>{submit.problem}</FieldError>
      <SubmitButton tone="danger" busy={submit.action === 'reject'} onClick={() => decide('reject')}>
        {strings.reject}
      </SubmitButton>
    </View>
  );
}

export default function ReviewsPage() {
  const gate = useCompany();
  const company = gate.company ?? '';
  const list = useApi('reliefReviews', company ? { params: { company } } : null);
  return (
    <CompanyPage gate={gate}>
      <List
        state={list}
        items={list.data?.reviews}
        title={strings.loadError}
        empty={<EmptyState glyph="审" title={strings.empty} description={strings.emptyDesc} />}
      >
        {(r) => <ReviewCard key={r.householdId} company={company} review={r} onDone={list.reload} />}
      </List>
    </CompanyPage>
  );
}
