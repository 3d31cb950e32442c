import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AppealView } from '@citycare/contract';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import Page from '@/components/Page';
import { EmptyState, ErrorState, Loading } from '@/components/StateView';
import { api, errorMessage } from '@/api';
import { useKeyed } from '@/hooks/useApi';
import { shanghaiShort } from '@/lib/health/time';
import ResidentReview from './ResidentReview';
import RiskAreas from './RiskAreas';
import Disputes from './Disputes';
import '@/pages/health/forms.css';
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
  trace: '流调查询 ›',
};

const loadAppeals = () => api('healthAppeals', { quiet: true });

/** Officials: the appeals queue, lookup by ID number, status review, risk areas. */
export default function ReviewPage() {
  const appeals = useKeyed(['healthAppeals', null, 'appeals'], loadAppeals);
  const [selected, setSelected] = useState<{ residentId: string; appealId?: string }>();
  const [idNumber, setIdNumber] = useState('');
  const [problem, setProblem] = useState('');
  // Pages after the first, fetched with the sealed cursor the previous page gave; they belong to
  // the first page they followed, and are dropped when the queue is loaded again.
  const [extra, setMore] = useState<{ base: unknown; appeals: AppealView[]; cursor?: string }>();
  const [moreBusy, setMoreBusy] = useState(false);
  const more = extra?.base === appeals.data ? extra : undefined;
  const list = [...(appeals.data?.appeals ?? []), ...(more?.appeals ?? [])];
  const cursor = more ? more.cursor : appeals.data?.nextCursor;

  const loadMore = async () => {
    if (!cursor || moreBusy) return;
    setMoreBusy(true);
    try {
      const page = await api('healthAppeals', { query: { cursor }, quiet: true });
      const base = appeals.data;
      setMore((m) => ({
        base,
        appeals: [...(m && m.base === base ? m.appeals : []), ...page.appeals],
        cursor: page.nextCursor,
      }));
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setMoreBusy(false);
    }
  };

  const lookup = async () => {
    try {
      const { residentId } = await api('healthLookup', { body: { idNumber }, quiet: true });
      setSelected({ residentId });
      setProblem('');
    } catch (err) {
      setProblem(errorMessage(err));
    }
  };

  return (
    <Page className="review">
      <Text className="link" onClick={() => void Taro.navigateTo({ url: '/staff/pages/trace/index' })}>
        {strings.trace}
      </Text>
      <Text className="section-title">
        {strings.queue}
        {appeals.data && <Text className="review__waiting"> {strings.waiting(appeals.data.waiting)}</Text>}
      </Text>
      {!appeals.data && appeals.loading && <Loading />}
      {!appeals.data && !appeals.loading && (
        <ErrorState title={strings.loadError} error={appeals.error} onRetry={appeals.reload} />
      )}
      {appeals.data && list.length === 0 && <EmptyState glyph="审" title={strings.empty} />}
      {list.length > 0 && (
        <View className="card">
          {list.map((a) => (
            <View
              key={a.appealId}
              className={`list-row ${selected?.appealId === a.appealId ? 'chip--on' : ''}`}
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
            <Button className="btn btn--plain" onClick={() => void loadMore()}>
              {moreBusy ? strings.loadingMore : strings.more}
            </Button>
          )}
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
        <Input
          className="field__input"
          type="idcard"
          maxlength={18}
          value={idNumber}
          onInput={(e) => setIdNumber(e.detail.value)}
        />
        {problem && <Text className="field__error">{problem}</Text>}
        <Button className="btn btn--plain" onClick={() => void lookup()}>
          {strings.lookupButton}
        </Button>
      </View>
      <Disputes />
      <RiskAreas />
    </Page>
  );
}
