import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { DisputeDecision, DisputeView } from '@citycare/contract';
import { RELATION_LABELS } from '@citycare/contract/src/health-labels';
import List from '@/components/List';
import { EmptyState } from '@/components/StateView';
import { Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { shanghaiShort } from '@/lib/health/time';

const strings = {
  title: '身份证号申诉（重复登记）',
  waiting: (n: number) => `共 ${n} 份等待核实`,
  empty: '没有待核实的申诉',
  loadError: '无法加载申诉',
  line: (d: DisputeView) => `身份证 ${d.idMasked}：现登记人 ${d.holderName}，申领人 ${d.claimantName}`,
  keep: '维持原登记',
  move: '转给申领人',
  reason: '核验说明',
  placeholder: '例如：申领人持身份证原件到社区核验，确为本人',
  needReason: '请写明核验情况',
  done: '已处理',
};

/** Officials: claims on an ID number another account holds; keep the registration or move it, audited. */
export default function Disputes() {
  const disputes = useApi('healthDisputes');
  const [selected, setSelected] = useState<string>();
  const [reason, setReason] = useState('');
  const submit = useSubmit<DisputeDecision>();

  const decide = (decision: DisputeDecision) =>
    submit.run(
      async () => {
        if (!selected) return;
        await api('healthResolveDispute', {
          params: { disputeId: selected },
          body: { decision, reason: reason.trim() },
          quiet: true,
        });
        setReason('');
        setSelected(undefined);
        disputes.reload();
      },
      { action: decision, check: () => (reason.trim().length < 2 ? strings.needReason : ''), done: strings.done },
    );

  const d = disputes.data;
  return (
    <>
      <Text className="section-title">
        {strings.title}
        {d && <Text className="review__waiting"> {strings.waiting(d.waiting)}</Text>}
      </Text>
      <Notice tone="success">{submit.done}</Notice>
      <List
        state={disputes}
        items={d?.disputes}
        title={strings.loadError}
        empty={<EmptyState glyph="证" title={strings.empty} />}
        card
      >
        {(x) => (
          <View
            key={x.disputeId}
            className={`row row--stack ${selected === x.disputeId ? 'chip--on' : ''}`}
            onClick={() => setSelected(x.disputeId)}
          >
            <Text className="strong">{strings.line(x)}</Text>
            <Text className="muted">
              {RELATION_LABELS[x.claimantRelation as keyof typeof RELATION_LABELS] ?? x.claimantRelation} ·{' '}
              {shanghaiShort(x.createdAt)}
            </Text>
          </View>
        )}
      </List>
      {selected && (
        <View className="card">
          <Field
            label={strings.reason}
            required
            multiline
            value={reason}
            placeholder={strings.placeholder}
            onChange={setReason}
          />
          <FieldError>{submit.problem}</FieldError>
          <SubmitButton tone="plain" busy={submit.action === 'keep'} onClick={() => decide('keep')}>
            {strings.keep}
          </SubmitButton>
          <SubmitButton busy={submit.action === 'move'} onClick={() => decide('move')}>
            {strings.move}
          </SubmitButton>
        </View>
      )}
    </>
  );
}
