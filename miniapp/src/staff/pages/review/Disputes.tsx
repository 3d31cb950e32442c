import { Button, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { DisputeDecision, DisputeView } from '@citycare/contract';
import { RELATION_LABELS } from '@citycare/contract/src/health-labels';
import { EmptyState, ErrorState, Loading } from '@/components/StateView';
import { api, errorMessage } from '@/api';
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
  reason: '核验说明（必填）',
  placeholder: '例如：申领人持身份证原件到社区核验，确为本人',
  needReason: '请写明核验情况',
  done: '已处理',
};

/** Officials: claims on an ID number another account holds; keep the registration or move it, audited. */
export default function Disputes() {
  const disputes = useApi('healthDisputes');
  const [selected, setSelected] = useState<string>();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const decide = async (decision: DisputeDecision) => {
    if (!selected) return;
    if (reason.trim().length < 2) return setProblem(strings.needReason);
    if (busy) return;
    setBusy(true);
    try {
      await api('healthResolveDispute', {
        params: { disputeId: selected },
        body: { decision, reason: reason.trim() },
        quiet: true,
      });
      setProblem(strings.done);
      setReason('');
      setSelected(undefined);
      disputes.reload();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const d = disputes.data;
  return (
    <>
      <Text className="section-title">
        {strings.title}
        {d && <Text className="review__waiting"> {strings.waiting(d.waiting)}</Text>}
      </Text>
      {!d && disputes.loading && <Loading />}
      {!d && !disputes.loading && (
        <ErrorState title={strings.loadError} error={disputes.error} onRetry={disputes.reload} />
      )}
      {d && d.disputes.length === 0 && <EmptyState glyph="证" title={strings.empty} />}
      {d && d.disputes.length > 0 && (
        <View className="card">
          {d.disputes.map((x) => (
            <View
              key={x.disputeId}
              className={`list-row ${selected === x.disputeId ? 'chip--on' : ''}`}
              onClick={() => setSelected(x.disputeId)}
            >
              <Text className="strong">{strings.line(x)}</Text>
              <Text className="muted">
                {RELATION_LABELS[x.claimantRelation as keyof typeof RELATION_LABELS] ?? x.claimantRelation} ·{' '}
                {shanghaiShort(x.createdAt)}
              </Text>
            </View>
          ))}
          {selected && (
            <View className="field">
              <Text className="field__label">{strings.reason}</Text>
              <Textarea
                className="field__textarea"
                value={reason}
                placeholder={strings.placeholder}
                onInput={(e) => setReason(e.detail.value)}
              />
              {problem && <Text className="field__error">{problem}</Text>}
              <View className="chips">
                <Button className="btn btn--plain" onClick={() => void decide('keep')}>
                  {strings.keep}
                </Button>
                <Button className="btn" onClick={() => void decide('move')}>
                  {strings.move}
                </Button>
              </View>
            </View>
          )}
        </View>
      )}
    </>
  );
}
