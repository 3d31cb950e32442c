import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { HealthColour } from '@citycare/contract';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import { NotLoaded } from '@/components/StateView';
import { Chips, Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import History from './History';
import ResidentId from './ResidentId';

const strings = {
  loadError: '无法加载居民状态',
  status: '当前状态',
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
  const submit = useSubmit();

  const send = () =>
    submit.run(
      async () => {
        if (colour === 'keep') {
          await api('healthCloseAppeal', {
            params: { appealId: appealId ?? '' },
            body: { reason: reason.trim() },
            quiet: true,
          });
        } else {
          await api('healthSetStatus', {
            params: { residentId },
            body: { colour: colour as HealthColour, reason: reason.trim(), appealId },
            quiet: true,
          });
        }
        setReason('');
        detail.reload();
        onDone();
      },
      {
        check: () => (!colour ? strings.needColour : reason.trim().length < 2 ? strings.needReason : ''),
        done: colour === 'keep' ? strings.kept : strings.done,
      },
    );

  const d = detail.data;
  if (!d) return <NotLoaded state={detail} title={strings.loadError} />;
  const s = d.resident.status;
  const choices = (['green', 'yellow', 'red'] as const)
    .filter((c) => c !== s.colour)
    .map((c): { value: Choice; label: string } => ({ value: c, label: strings.colours[c] }));
  if (appealId) choices.push({ value: 'keep', label: strings.keep });
  return (
    <View className="card review__resident">
      <Text className="section-title">
        {d.resident.maskedName} {d.resident.idMasked}
      </Text>
      <ResidentId residentId={residentId} />
      <View className={`result result--${s.colour}`}>
        <Text className="result__big">
          {strings.status}：{COLOUR_LABELS[s.colour]}
        </Text>
        <Text>{s.reason}</Text>
        <Text className="muted">{s.outlook}</Text>
      </View>
      <History residentId={residentId} detail={d} />
      <Field label={strings.change} className="review__change">
        <Chips options={choices} value={colour} onChange={setColour} />
      </Field>
      <Field
        name="reason"
        multiline
        value={reason}
        placeholder={colour === 'keep' ? strings.keepPlaceholder : strings.reasonPlaceholder}
        onChange={setReason}
      />
      <FieldError>{submit.problem}</FieldError>
      <Notice tone="success">{submit.done}</Notice>
      <SubmitButton busy={submit.busy} onClick={send}>
        {strings.submit}
      </SubmitButton>
    </View>
  );
}
