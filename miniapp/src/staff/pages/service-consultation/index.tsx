import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { StaffConsultation } from '@citycare/contract';
import { cityMonthDayTime } from '@citycare/contract/src/common';
import { SERVICE_TEXT } from '@citycare/contract/src/service-labels';
import Page from '@/components/Page';
import { NotLoadedPage } from '@/components/StateView';
import { Chips, Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { revalidate, useApi, useReloadOnReturn } from '@/hooks/useApi';
import { routeParam } from '@/lib/route';
import Conversation from '@/lib/service/Conversation';
import {
  CATEGORY_OPTIONS,
  CONSULTATION_STATUS_LABELS,
  SERVICE_CATEGORY_LABELS,
  SLA_TONES,
  statusTone,
  waitedText,
  type ServiceCategoryId,
} from '@/lib/service/format';
import './index.css';

const strings = {
  loadError: '无法加载这条咨询',
  asked: (at: string) => `提问于 ${cityMonthDayTime(at)}`,
  waited: (m: number) => `已等待 ${waitedText(m)}`,
  answer: '答复居民',
  answerPlaceholder: '写下答复：办理方式、电话、时间，尽量一次说清楚',
  send: '发送答复',
  sending: '正在发送…',
  needText: '请填写答复内容',
  handoverTo: '转交给其他类别',
  handover: '转交',
  needTarget: '请选择要转交的类别',
  close: '关闭咨询',
  closed: '这条咨询已关闭，居民可在关闭后 7 天内重新打开。',
  working: '正在提交…',
};

type Action = 'answer' | 'handover' | 'close';

function Desk({ c, onChanged }: { c: StaffConsultation; onChanged: (next: StaffConsultation) => void }) {
  const [text, setText] = useState('');
  const [to, setTo] = useState<ServiceCategoryId | undefined>();
  const submit = useSubmit<Action>();
  const params = { consultationId: c.consultationId };
  const done = (next: StaffConsultation) => {
    onChanged(next);
    revalidate('serviceQueue');
  };
  const answer = () =>
    submit.run(
      async () => {
        const { consultation } = await api('serviceAnswer', { params, body: { text: text.trim() }, quiet: true });
        setText('');
        done(consultation);
      },
      { action: 'answer', check: () => (text.trim() ? '' : strings.needText) },
    );
  const handover = () =>
    submit.run(
      async () => {
        const { consultation } = await api('serviceHandover', { params, body: { to: to ?? 'other' }, quiet: true });
        setTo(undefined);
        done(consultation);
      },
      { action: 'handover', check: () => (to ? '' : strings.needTarget) },
    );
  const close = () =>
    submit.run(
      async () => {
        const { consultation } = await api('serviceClose', { params, body: {}, quiet: true });
        done(consultation);
      },
      { action: 'close' },
    );
  const busy = (a: Action) => ({ busy: submit.action === a, busyText: strings.working });

  if (c.status === 'closed') return <Notice tone="warn">{strings.closed}</Notice>;
  return (
    <>
      <View className="card">
        <Field
          label={strings.answer}
          className="sc__answer"
          multiline
          maxlength={SERVICE_TEXT.replyMax}
          value={text}
          placeholder={strings.answerPlaceholder}
          onChange={setText}
        />
        <FieldError>{submit.problem}</FieldError>
        <SubmitButton onClick={answer} {...busy('answer')}>
          {strings.send}
        </SubmitButton>
      </View>
      <View className="card">
        <Field label={strings.handoverTo}>
          <Chips
            options={CATEGORY_OPTIONS.filter((o) => o.value !== c.category)}
            value={to}
            onChange={setTo}
            chipClassName="sc__to"
          />
        </Field>
        <SubmitButton tone="plain" onClick={handover} {...busy('handover')}>
          {strings.handover}
        </SubmitButton>
        <SubmitButton tone="danger" onClick={close} {...busy('close')}>
          {strings.close}
        </SubmitButton>
      </View>
    </>
  );
}

/** One consultation for the service centre: the conversation, answering, handing over, closing. */
export default function ServiceConsultationPage() {
  const consultationId = routeParam(useRouter().params, 'consultationId');
  const state = useApi('serviceStaffConsultation', consultationId ? { params: { consultationId } } : null);
  const [changed, setChanged] = useState<StaffConsultation | undefined>();
  useReloadOnReturn(() => {
    setChanged(undefined);
    state.reload();
  });
  const c = changed ?? state.data?.consultation;
  if (!c) return <NotLoadedPage state={state} title={strings.loadError} />;
  return (
    <Page>
      <View className="card">
        <Text className="title">{SERVICE_CATEGORY_LABELS[c.category]}</Text>
        <Text className={`tag ${statusTone(c.status)}`}>{CONSULTATION_STATUS_LABELS[c.status]}</Text>
        {c.sla && c.waitedMinutes !== undefined && (
          <Text className={`tag ${SLA_TONES[c.sla]}`}>{strings.waited(c.waitedMinutes)}</Text>
        )}
        <Text className="muted">{strings.asked(c.createdAt)}</Text>
      </View>
      <View className="card">
        <Conversation messages={c.messages} mine="centre" />
      </View>
      <Desk c={c} onChanged={setChanged} />
    </Page>
  );
}
