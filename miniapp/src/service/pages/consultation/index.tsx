import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { Consultation } from '@citycare/contract';
import { cityMonthDayTime } from '@citycare/contract/src/common';
import { SERVICE_TEXT } from '@citycare/contract/src/service-labels';
import Page from '@/components/Page';
import { InlineError, NotLoadedPage } from '@/components/StateView';
import { Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { revalidate, useApi, useReloadOnReturn } from '@/hooks/useApi';
import { routeParam } from '@/lib/route';
import Conversation from '@/lib/service/Conversation';
import { CONSULTATION_STATUS_LABELS, SERVICE_CATEGORY_LABELS, statusTone } from '@/lib/service/format';
import './index.css';

const strings = {
  loadError: '无法加载这条咨询',
  asked: (at: string) => `提问于 ${cityMonthDayTime(at)}`,
  waiting: '已收到您的咨询，工作人员会尽快答复，请稍后回来查看。',
  reply: '继续提问或回复',
  replyPlaceholder: '写下您想补充或追问的内容',
  send: '发送',
  sending: '正在发送…',
  needText: '请填写回复内容',
  closedReopen: (until: string) => `这条咨询已关闭。如果问题还没解决，${cityMonthDayTime(until)} 前可以重新打开。`,
  closedFinal: '这条咨询已关闭超过 7 天，不能再重新打开。如有新问题，请新开一条咨询。',
  reopen: '重新打开咨询',
  reopening: '正在打开…',
  askNew: '新开一条咨询',
};

type Action = 'reply' | 'reopen';

function Actions({ c, onChanged }: { c: Consultation; onChanged: (next: Consultation) => void }) {
  const [text, setText] = useState('');
  const submit = useSubmit<Action>();
  const params = { consultationId: c.consultationId };
  const done = (next: Consultation) => {
    onChanged(next);
    revalidate('serviceMine');
  };
  const reply = () =>
    submit.run(
      async () => {
        const { consultation } = await api('serviceReply', { params, body: { text: text.trim() }, quiet: true });
        setText('');
        done(consultation);
      },
      { action: 'reply', check: () => (text.trim() ? '' : strings.needText) },
    );
  const reopen = () =>
    submit.run(
      async () => {
        const { consultation } = await api('serviceReopen', { params, quiet: true });
        done(consultation);
      },
      { action: 'reopen' },
    );

  if (c.status === 'closed') {
    return (
      <View className="card">
        <Notice tone="warn">{c.reopenUntil ? strings.closedReopen(c.reopenUntil) : strings.closedFinal}</Notice>
        <FieldError>{submit.problem}</FieldError>
        {c.reopenUntil ? (
          <SubmitButton onClick={reopen} busy={submit.action === 'reopen'} busyText={strings.reopening}>
            {strings.reopen}
          </SubmitButton>
        ) : (
          <SubmitButton tone="plain" onClick={() => Taro.redirectTo({ url: '/service/pages/ask/index' })}>
            {strings.askNew}
          </SubmitButton>
        )}
      </View>
    );
  }
  return (
    <View className="card">
      <Field
        label={strings.reply}
        className="talk-reply"
        multiline
        maxlength={SERVICE_TEXT.replyMax}
        value={text}
        placeholder={strings.replyPlaceholder}
        onChange={setText}
      />
      <FieldError>{submit.problem}</FieldError>
      <SubmitButton onClick={reply} busy={submit.action === 'reply'} busyText={strings.sending}>
        {strings.send}
      </SubmitButton>
    </View>
  );
}

/** One consultation: the conversation with the service centre, a reply, reopening a closed one. */
export default function ConsultationPage() {
  const consultationId = routeParam(useRouter().params, 'consultationId');
  const state = useApi('serviceConsultation', consultationId ? { params: { consultationId } } : null);
  const [changed, setChanged] = useState<Consultation | undefined>();
  const reload = () => {
    setChanged(undefined);
    state.reload();
  };
  useReloadOnReturn(reload);
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });
  const c = changed ?? state.data?.consultation;
  if (!c) return <NotLoadedPage state={state} title={strings.loadError} />;

  return (
    <Page className="svc-detail">
      {state.error !== undefined && !state.loading && <InlineError error={state.error} onRetry={reload} />}
      <View className="card">
        <Text className="title">{SERVICE_CATEGORY_LABELS[c.category]}</Text>
        <Text className={`tag ${statusTone(c.status)}`}>{CONSULTATION_STATUS_LABELS[c.status]}</Text>
        <Text className="muted">{strings.asked(c.createdAt)}</Text>
      </View>
      <View className="card">
        <Conversation messages={c.messages} mine="resident" />
        {c.status === 'waiting' && <Notice>{strings.waiting}</Notice>}
      </View>
      <Actions c={c} onChanged={setChanged} />
    </Page>
  );
}
