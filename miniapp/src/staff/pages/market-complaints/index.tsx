import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { RegulatorComplaint } from '@citycare/contract';
import Page from '@/components/Page';
import { EmptyState, InlineError, NotLoadedPage } from '@/components/StateView';
import { Chips, Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useApi, useReloadOnReturn } from '@/hooks/useApi';
import { STATUS_LABELS, timeText } from '@/lib/grocery/format';
import './index.css';

const strings = {
  loadError: '无法加载投诉',
  filters: { todo: '待处理', all: '全部' },
  emptyTodo: '没有待处理的投诉',
  emptyAll: '还没有居民投诉',
  emptyDesc: '居民在订单页投诉价格或质量后，会出现在这里。',
  kinds: { price: '价格', quality: '质量' },
  submitted: (t: string) => `投诉于 ${t}`,
  order: (status: string) => `订单状态：${status}`,
  contact: (name: string, phone: string) => `投诉人：${name} ${phone}`,
  todo: '待处理',
  done: '已处理',
  handledBy: (by: string, t: string) => `${by} 于 ${t} 处理：`,
  notePlaceholder: '处理结果（必填），如：已约谈商户，责令退还差价',
  needNote: '请写明处理结果，至少 2 个字',
  handle: '标记为已处理',
  handling: '正在提交…',
  handled: '已标记处理',
};

const FILTERS = (['todo', 'all'] as const).map((f) => ({ value: f, label: strings.filters[f] }));

function ComplaintCard({
  complaint,
  onDone,
}: {
  complaint: RegulatorComplaint;
  onDone: (handled: RegulatorComplaint) => void;
}) {
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const handled = complaint.handled;

  const handle = () =>
    submit.run(
      async () => {
        const res = await api('groceryHandleComplaint', {
          params: { complaintId: complaint.complaintId },
          body: { note: note.trim() },
          quiet: true,
        });
        void Taro.showToast({ title: strings.handled, icon: 'success' });
        onDone(res.complaint);
      },
      { check: () => (note.trim().length < 2 ? strings.needNote : '') },
    );

  return (
    <View className="card complaints__item">
      <View className="complaints__head">
        <Text className="title">{complaint.storeName}</Text>
        <Text className={`tag ${handled ? 'tag--green' : 'tag--orange'}`}>{handled ? strings.done : strings.todo}</Text>
      </View>
      <View>
        <Text className={`tag ${complaint.kind === 'price' ? 'tag--red' : ''}`}>{strings.kinds[complaint.kind]}</Text>
      </View>
      <Text className="complaints__text">{complaint.text}</Text>
      <Text className="muted">{strings.submitted(timeText(complaint.createdAt))}</Text>
      <Text className="muted">{strings.order(STATUS_LABELS[complaint.orderStatus])}</Text>
      <Text className="muted">{strings.contact(complaint.contact.name, complaint.contact.phone)}</Text>
      {handled ? (
        <Notice tone="success" className="complaints__handled">
          {strings.handledBy(handled.by, timeText(handled.at))}
          {handled.note}
        </Notice>
      ) : (
        <>
          <Field
            className="complaints__note"
            multiline
            maxlength={200}
            value={note}
            placeholder={strings.notePlaceholder}
            onChange={setNote}
          />
          <FieldError>{submit.problem}</FieldError>
          <SubmitButton busy={submit.busy} busyText={strings.handling} onClick={handle}>
            {strings.handle}
          </SubmitButton>
        </>
      )}
    </View>
  );
}

/** The market regulator: residents' complaints about price and quality, newest first. */
export default function MarketComplaintsPage() {
  const state = useApi('groceryComplaints');
  const [filter, setFilter] = useState<'todo' | 'all'>('todo');
  // Complaints handled on this page, shown as handled at once (the list is read from an index).
  const [handledHere, setHandledHere] = useState<Record<string, RegulatorComplaint>>({});
  useReloadOnReturn(state.reload);
  const complaints = state.data?.complaints.map((c) => (c.handled ? c : (handledHere[c.complaintId] ?? c)));
  if (!complaints) return <NotLoadedPage state={state} title={strings.loadError} />;
  const shown = complaints.filter((c) => filter === 'all' || !c.handled);
  return (
    <Page className="complaints">
      {state.error !== undefined && !state.loading && <InlineError error={state.error} onRetry={state.reload} />}
      <Chips options={FILTERS} value={filter} onChange={setFilter} />
      {shown.length === 0 && (
        <EmptyState
          glyph="监"
          title={filter === 'todo' ? strings.emptyTodo : strings.emptyAll}
          description={strings.emptyDesc}
        />
      )}
      {shown.map((c) => (
        <ComplaintCard
          key={c.complaintId}
          complaint={c}
          onDone={(handled) => setHandledHere((h) => ({ ...h, [handled.complaintId]: handled }))}
        />
      ))}
    </Page>
  );
}
