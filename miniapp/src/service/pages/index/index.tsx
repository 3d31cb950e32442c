import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { ConsultationSummary } from '@citycare/contract';
import { cityMonthDayTime } from '@citycare/contract/src/common';
import List from '@/components/List';
import NavRow from '@/components/NavRow';
import Page from '@/components/Page';
import { EmptyState } from '@/components/StateView';
import { Notice, SubmitButton } from '@/components/form';
import { useApi, useReloadOnReturn } from '@/hooks/useApi';
import { CONSULTATION_STATUS_LABELS, SERVICE_CATEGORY_LABELS, statusTone } from '@/lib/service/format';
import '@/lib/service/service.css';
import './index.css';

const strings = {
  intro: '有问题不用跑腿：在这里留言，市民服务中心的工作人员会在线答复您。急事请直接打电话。',
  ask: '我要咨询',
  hotlines: '热线与专家',
  hotlinesDesc: '各部门24小时电话、医院专家咨询电话，点一下就能拨打',
  mine: '我的咨询',
  loadError: '无法加载您的咨询',
  empty: '还没有咨询',
  emptyDesc: '点上方“我要咨询”，写下您的问题。',
  newAnswer: '有新答复',
};

function Row({ c }: { c: ConsultationSummary }) {
  return (
    <NavRow
      className="row svc-list__row"
      url={`/service/pages/consultation/index?consultationId=${c.consultationId}`}
      title={SERVICE_CATEGORY_LABELS[c.category]}
    >
      <Text className="svc__question">{c.question}</Text>
      <View>
        <Text className={`tag ${statusTone(c.status)}`}>
          {c.status === 'answered' && c.lastFrom === 'centre'
            ? strings.newAnswer
            : CONSULTATION_STATUS_LABELS[c.status]}
        </Text>
        <Text className="muted svc-list__time">{cityMonthDayTime(c.updatedAt)}</Text>
      </View>
    </NavRow>
  );
}

/** 不见面服务: ask the service centre, the resident's consultations, the hotlines. */
export default function ServiceHomePage() {
  const mine = useApi('serviceMine');
  useReloadOnReturn(mine.reload);
  usePullDownRefresh(() => {
    mine.reload();
    void Taro.stopPullDownRefresh();
  });
  return (
    <Page>
      <Notice>{strings.intro}</Notice>
      <SubmitButton className="svc-list__ask" onClick={() => Taro.navigateTo({ url: '/service/pages/ask/index' })}>
        {strings.ask}
      </SubmitButton>
      <View className="card">
        <NavRow url="/service/pages/hotlines/index" title={strings.hotlines}>
          <Text className="muted">{strings.hotlinesDesc}</Text>
        </NavRow>
      </View>
      <Text className="section-title">{strings.mine}</Text>
      <List
        card
        state={mine}
        items={mine.data?.consultations}
        title={strings.loadError}
        empty={<EmptyState glyph="询" title={strings.empty} description={strings.emptyDesc} />}
      >
        {(c) => <Row key={c.consultationId} c={c} />}
      </List>
    </Page>
  );
}
