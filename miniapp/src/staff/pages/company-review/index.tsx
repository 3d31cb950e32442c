import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import type { CompanyView } from '@citycare/contract';
import List from '@/components/List';
import Page from '@/components/Page';
import { EmptyState } from '@/components/StateView';
import { Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useApi, useReloadOnReturn } from '@/hooks/useApi';
import CompanyCard from '@/lib/company/CompanyCard';

const strings = {
  intro: '本区县企业的复工复产登记，按提交时间先后排列。批准后企业即可打印门岗场所码；退回须写明理由。',
  loadError: '无法加载待审核企业',
  empty: '没有待审核的企业',
  approve: '批准复工',
  return: '退回',
  reason: '退回理由',
  reasonHint: '企业会看到这段话，请写明要改什么',
  needReason: '退回时请写明理由（至少 4 个字）',
  approved: '已批准',
  returned: '已退回',
};

function Decide({ c, onDone }: { c: CompanyView; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const submit = useSubmit<'approve' | 'return'>();
  const send = (decision: 'approve' | 'return') =>
    submit.run(
      async () => {
        const body = decision === 'return' ? { decision, reason: reason.trim() } : { decision };
        await api('companyDecide', { params: { companyId: c.companyId }, body, quiet: true });
        onDone();
      },
      {
        action: decision,
        check: () => (decision === 'return' && reason.trim().length < 4 ? strings.needReason : ''),
        done: decision === 'approve' ? strings.approved : strings.returned,
      },
    );
  return (
    <View className="card company-review__decide">
      <Field
        label={strings.reason}
        hint={strings.reasonHint}
        name="reason"
        multiline
        maxlength={200}
        value={reason}
        onChange={setReason}
      />
      <FieldError>{submit.problem}</FieldError>
      <SubmitButton onClick={() => send('approve')} busy={submit.action === 'approve'}>
        {strings.approve}
      </SubmitButton>
      <Button className="btn btn--plain" onClick={() => void send('return')}>
        {strings.return}
      </Button>
    </View>
  );
}

/** A district's reviewing official: pending companies, approve or return with a reason. */
export default function CompanyReviewPage() {
  const state = useApi('companyQueue');
  useReloadOnReturn(state.reload);
  return (
    <Page className="company-review">
      <Notice>{strings.intro}</Notice>
      <List
        state={state}
        items={state.data?.companies}
        title={strings.loadError}
        empty={<EmptyState glyph="复" title={strings.empty} />}
      >
        {(c) => (
          <View key={c.companyId} className="company-review__item">
            <CompanyCard c={c} />
            <Decide c={c} onDone={state.reload} />
          </View>
        )}
      </List>
    </Page>
  );
}
