import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { NotifyTopic, SubscribeAnswer } from '@citycare/contract';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { Notice, SubmitButton, useSubmit } from '@/components/form';
import { answerAll, askWechat, TOPIC_LABELS } from '@/lib/subscribe';

const TEXT = {
  button: '订阅状态变更提醒',
  busy: '正在订阅…',
  accepted: '已订阅：状态变化时会通过微信通知您（每次订阅可收到一条）',
  declined: '未订阅。需要时可以再点一次订阅',
  sheetTitle: '订阅消息（模拟）',
  sheetText: (labels: string) => `状态变化时通过微信通知您：${labels}`,
  allow: '允许',
  cancel: '取消',
};

/**
 * A clear button that asks the resident to subscribe to these topics' WeChat messages (never on
 * its own, never on every render) and reports the answers to the backend. Shown once the
 * template ids are known (WeChat's sheet must open inside the tap); nothing if none is configured.
 * On H5, which has no subscribe API, a simulated sheet below the button asks instead.
 */
export default function SubscribeButton({ topics, label = TEXT.button }: { topics: NotifyTopic[]; label?: string }) {
  const templates = useApi('notifyTemplates');
  const submit = useSubmit();
  const [outcome, setOutcome] = useState<'accepted' | 'declined' | null>(null);
  const [sheet, setSheet] = useState<((allow: boolean) => void) | null>(null);
  const known = topics.flatMap((t) => {
    const id = templates.data?.templates[t];
    return id ? [{ id, label: TOPIC_LABELS[t] }] : [];
  });
  if (!known.length) return null;
  const ids = known.map((k) => k.id);
  const askSimulated = () =>
    new Promise<Record<string, SubscribeAnswer>>((resolve) =>
      setSheet(() => (allow: boolean) => {
        setSheet(null);
        resolve(answerAll(ids, allow));
      }),
    );
  const subscribe = () =>
    submit.run(async () => {
      setOutcome(null);
      const results = process.env.TARO_ENV === 'weapp' ? await askWechat(ids) : await askSimulated();
      if (Object.keys(results).length) await api('notifySubscribe', { body: { results }, quiet: true });
      setOutcome(Object.values(results).includes('accept') ? 'accepted' : 'declined');
    });
  return (
    <View className="subscribe">
      <SubmitButton tone="plain" onClick={subscribe} busy={submit.busy} busyText={TEXT.busy}>
        {label}
      </SubmitButton>
      {sheet && (
        <View className="card subscribe__sheet">
          <Text className="title">{TEXT.sheetTitle}</Text>
          <Text>{TEXT.sheetText(known.map((k) => k.label).join('、'))}</Text>
          <Button className="btn" onClick={() => sheet(true)}>
            {TEXT.allow}
          </Button>
          <Button className="btn btn--plain" onClick={() => sheet(false)}>
            {TEXT.cancel}
          </Button>
        </View>
      )}
      <Notice tone="success">{outcome === 'accepted' ? TEXT.accepted : ''}</Notice>
      <Notice tone="info">{outcome === 'declined' ? TEXT.declined : ''}</Notice>
      <Notice tone="error">{submit.problem}</Notice>
    </View>
  );
}
