import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AppealView } from '@citycare/contract';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import Page from '@/components/Page';
import { EmptyState, NotLoaded } from '@/components/StateView';
import { Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useKeyed } from '@/hooks/useApi';
import { shanghaiShort } from '@/lib/health/time';
import ResidentReview from './ResidentReview';
import RiskAreas from './RiskAreas';
import Disputes from './Disputes';
import '@/lib/health/health.css';
import './index.css';

const strings = {
  queue: '待处理的纠错申请',
  waiting: (n: number) => `共 ${n} 份等待处理`,
  more: '加载更多',
  loadingMore: '正在加载…',
  empty: '没有待处理的纠错申请',
  loadError: '无法加载纠错申请',
  lookup: '按身份证号查找居民',
  lookupButton: '查找',
  idNumber: '身份证号',
  trace: '流调查询 ›',
  audit: '审计日志 ›',
};

const loadAppeals = () => api('healthAppeals', { quiet: true });

/** Officials: the appeals queue, lookup by ID number, status review, risk areas. */
export default function ReviewPage() {
  const appeals = useKeyed(['healthAppeals', null, 'appeals'], loadAppeals);
  const [selected, setSelected] = useState<{ residentId: string; appealId?: string }>();
  const [idNumber, setIdNumber] = useState('');
  const finding = useSubmit();
  const paging = useSubmit();
  // Pages after the first, fetched with the sealed cursor the previous page gave; they belong to
  // the first page they followed, and are dropped when the queue is loaded again.
  const [extra, setMore] = useState<{ base: unknown; appeals: AppealView[]; cursor?: string }>();
  const more = extra?.base === appeals.data ? extra : undefined;
  const list = [...(appeals.data?.appeals ?? []), ...(more?.appeals ?? [])];
  const cursor = more ? more.cursor : appeals.data?.nextCursor;

  const loadMore = () =>
    paging.run(async () => {
      if (!cursor) return;
      const page = await api('healthAppeals', { query: { cursor }, quiet: true });
      const base = appeals.data;
      setMore((m) => ({
        base,
        appeals: [...(m && m.base === base ? m.appeals : []), ...page.appeals],
        cursor: page.nextCursor,
      }));
    });

  const lookup = () =>
    finding.run(async () => {
      const { residentId } = await api('healthLookup', { body: { idNumber }, quiet: true });
      setSelected({ residentId });
    });

  return (
    <Page className="review">
      <View className="review__links">
        <Text className="link" onClick={() => void Taro.navigateTo({ url: '/staff/pages/trace/index' })}>
          {strings.trace}
        </Text>
        <Text className="link review__audit" onClick={() => void Taro.navigateTo({ url: '/staff/pages/audit/index' })}>
          {strings.audit}
        </Text>
      </View>
      <Text className="section-title">
        {strings.queue}
        {appeals.data && <Text className="review__waiting"> {strings.waiting(appeals.data.waiting)}</Text>}
      </Text>
      {!appeals.data && <NotLoaded state={appeals} title={strings.loadError} />}
      {appeals.data && list.length === 0 && <EmptyState glyph="审" title={strings.empty} />}
      {list.length > 0 && (
        <View className="card">
          {list.map((a) => (
            <View
              key={a.appealId}
              className={`row row--stack ${selected?.appealId === a.appealId ? 'chip--on' : ''}`}
              onClick={() => setSelected({ residentId: a.residentId, appealId: a.appealId })}
            >
              <Text className="strong">
                {a.maskedName} · {COLOUR_LABELS[a.colour]}
              </Text>
              <Text>{a.reason}</Text>
              <Text className="muted">{shanghaiShort(a.createdAt)}</Text>
            </View>
          ))}
          {cursor && (
            <SubmitButton tone="plain" busy={paging.busy} busyText={strings.loadingMore} onClick={loadMore}>
              {strings.more}
            </SubmitButton>
          )}
          <FieldError>{paging.problem}</FieldError>
        </View>
      )}
      {selected && (
        <ResidentReview
          key={`${selected.residentId}${selected.appealId ?? ''}`}
          residentId={selected.residentId}
          appealId={selected.appealId}
          onDone={appeals.reload}
        />
      )}
      <Text className="section-title">{strings.lookup}</Text>
      <View className="card">
        <Field
          type="idcard"
          maxlength={18}
          className="review__lookup"
          label={strings.idNumber}
          value={idNumber}
          onChange={setIdNumber}
          error={finding.problem}
        />
        <SubmitButton tone="plain" busy={finding.busy} onClick={lookup}>
          {strings.lookupButton}
        </SubmitButton>
      </View>
      <Disputes />
      <RiskAreas />
    </Page>
  );
}
