import { useState } from 'react';
import { View } from '@tarojs/components';
import type { NotifyTopic } from '@citycare/contract';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { Notice, SubmitButton, useSubmit } from '@/components/form';
import { askToSubscribe, TOPIC_LABELS } from '@/lib/subscribe';

const TEXT = {
  button: '订阅状态变更提醒',
  busy: '正在订阅…',
  accepted: '已订阅：状态变化时会通过微信通知您（每次订阅可收到一条）',
  declined: '未订阅。需要时可以再点一次订阅',
};

/**
 * A clear button that asks the resident to subscribe to these topics' WeChat messages (never on
 * its own, never on every render) and reports the answers to the backend. Shown once the
 * template ids are known (the sheet must open inside the tap); nothing if none is configured.
 */
export default function SubscribeButton({ topics, label = TEXT.button }: { topics: NotifyTopic[]; label?: string }) {
  const templates = useApi('notifyTemplates');
  const submit = useSubmit();
  const [outcome, setOutcome] = useState<'accepted' | 'declined' | null>(null);
  const known = topics.flatMap((t) => {
    const id = templates.data?.templates[t];
    return id ? [{ id, label: TOPIC_LABELS[t] }] : [];
  });
  if (!known.length) return null;
  const subscribe = () =>
    submit.run(async () => {
      setOutcome(null);
      const results = await askToSubscribe(
        known.map((k) => k.id),
        known.map((k) => k.label),
      );
      const accepted = Object.values(results).includes('accept');
      if (Object.keys(results).length) await api('notifySubscribe', { body: { results }, quiet: true });
      setOutcome(accepted ? 'accepted' : 'declined');
    });
  return (
    <View className="subscribe">
      <SubmitButton tone="plain" onClick={subscribe} busy={submit.busy} busyText={TEXT.busy}>
        {label}
      </SubmitButton>
      <Notice tone="success">{outcome === 'accepted' ? TEXT.accepted : ''}</Notice>
      <Notice tone="info">{outcome === 'declined' ? TEXT.declined : ''}</Notice>
      <Notice tone="error">{submit.problem}</Notice>
    </View>
  );
}
