import { Button, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { HealthColour } from '@citycare/contract';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import { ErrorState, Loading } from '@/components/StateView';
import { api, errorMessage } from '@/api';
import { useApi } from '@/hooks/useApi';
import { shanghaiShort } from '@/lib/health/time';

const strings = {
  loadError: '无法加载居民状态',
  status: '当前状态',
  audit: '变更记录',
  declarations: '近期申报',
  change: '调整状态',
  reason: '原因（居民可见）',
  reasonPlaceholder: '例如：复测体温正常，解除黄码',
  submit: '确认调整',
  needColour: '请选择要调整的颜色',
  needReason: '请写明原因',
  done: '已调整',
  colours: { green: '解除为绿码', yellow: '赋黄码', red: '赋红码' } as Record<HealthColour, string>,
  keep: '维持原状态',
  keepPlaceholder: '例如：发热记录属实，请继续每日申报',
  kept: '已答复：维持原状态',
};

/** A new colour, or (answering an appeal) keeping the status as it is. */
type Choice = HealthColour | 'keep';

/** One resident as an official sees them, with the set / clear form. */
export default function ResidentReview({
  residentId,
  appealId,
  onDone,
}: {
  residentId: string;
  appealId?: string;
  onDone: () => void;
}) {
  const detail = useApi('healthResident', { params: { residentId } });
  const [colour, setColour] = useState<Choice>();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!colour) return setProblem(strings.needColour);
    if (reason.trim().length < 2) return setProblem(strings.needReason);
    if (busy) return;
    setBusy(true);
    try {
      if (colour === 'keep') {
        await api('healthCloseAppeal', {
          params: { appealId: appealId ?? '' },
          body: { reason: reason.trim() },
          quiet: true,
        });
      } else {
        await api('healthSetStatus', {
          params: { residentId },
          body: { colour, reason: reason.trim(), appealId },
          quiet: true,
        });
      }
      setProblem(colour === 'keep' ? strings.kept : strings.done);
      setReason('');
      detail.reload();
      onDone();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const d = detail.data;
  if (!d && detail.loading) return <Loading />;
  if (!d) return <ErrorState title={strings.loadError} error={detail.error} onRetry={detail.reload} />;
  const s = d.resident.status;
  return (
    <View className="card review__resident">
      <Text className="section-title">
        {d.resident.maskedName} {d.resident.idMasked}
      </Text>
      <View className={`result result--${s.colour}`}>
        <Text className="result__big">
          {strings.status}：{COLOUR_LABELS[s.colour]}
        </Text>
        <Text>{s.reason}</Text>
        <Text className="muted">{s.outlook}</Text>
      </View>
      <Text className="field__label">{strings.audit}</Text>
      {d.audit.slice(0, 5).map((a) => (
        <Text key={a.at} className="muted">
          {shanghaiShort(a.at)} {COLOUR_LABELS[a.from]}→{COLOUR_LABELS[a.to]} {a.reason}
        </Text>
      ))}
      <Text className="field__label">{strings.declarations}</Text>
      {d.declarations.slice(0, 5).map((x) => (
        <Text key={x.date} className="muted">
          {x.date} {x.temperature.toFixed(1)} °C {x.findingText}
        </Text>
      ))}
      <Text className="field__label">{strings.change}</Text>
      <View className="chips">
        {(['green', 'yellow', 'red'] as const)
          .filter((c) => c !== s.colour)
          .map((c) => (
            <Text key={c} className={`chip ${colour === c ? 'chip--on' : ''}`} onClick={() => setColour(c)}>
              {strings.colours[c]}
            </Text>
          ))}
        {appealId && (
          <Text className={`chip ${colour === 'keep' ? 'chip--on' : ''}`} onClick={() => setColour('keep')}>
            {strings.keep}
          </Text>
        )}
      </View>
      <Textarea
        className="field__textarea"
        name="reason"
        value={reason}
        placeholder={colour === 'keep' ? strings.keepPlaceholder : strings.reasonPlaceholder}
        onInput={(e) => setReason(e.detail.value)}
      />
      {problem && <Text className="field__error">{problem}</Text>}
      <Button className={`btn ${busy ? 'btn--busy' : ''}`} onClick={() => void submit()}>
        {strings.submit}
      </Button>
    </View>
  );
}
