import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { QueueItem } from '@citycare/contract';
import { cityClock, cityMonthDayTime } from '@citycare/contract/src/common';
import List from '@/components/List';
import NavRow from '@/components/NavRow';
import Page from '@/components/Page';
import { EmptyState, NotLoadedPage } from '@/components/StateView';
import { Chips, Field, Notice } from '@/components/form';
import { useApi, useReloadOnReturn } from '@/hooks/useApi';
import { useMe } from '@/hooks/useMe';
import {
  CONSULTATION_STATUS_LABELS,
  SERVICE_CATEGORY_LABELS,
  serviceCategoriesOf,
  SLA_TONES,
  waitedText,
  type ServiceCategoryId,
} from '@/lib/service/format';
import '@/lib/service/service.css';
import './index.css';

const strings = {
  loadError: '无法加载咨询',
  notStaffTitle: '您不是服务中心的工作人员',
  notStaffDesc: '权限由管理员开通。',
  category: '咨询类别',
  rule: (green: number, amber: number, at: string) =>
    `等得最久的在最前。绿：不到 ${green} 小时；黄：不到 ${amber} 小时；红：${amber} 小时以上。统计于 ${at}，下拉刷新。`,
  empty: '这一类暂时没有待处理的咨询',
  waited: (m: number) => `已等待 ${waitedText(m)}`,
  from: (c: ServiceCategoryId) => `由「${SERVICE_CATEGORY_LABELS[c]}」转来`,
  asked: (at: string) => `提问于 ${cityMonthDayTime(at)}`,
};

function Item({ item }: { item: QueueItem }) {
  return (
    <NavRow
      className="card card--row sq__item"
      url={`/staff/pages/service-consultation/index?consultationId=${item.consultationId}`}
      title={<Text className="svc__question">{item.question}</Text>}
    >
      <View>
        {item.sla && item.waitedMinutes !== undefined ? (
          <Text className={`tag ${SLA_TONES[item.sla]} sq__wait`}>{strings.waited(item.waitedMinutes)}</Text>
        ) : (
          <Text className="tag tag--green">{CONSULTATION_STATUS_LABELS[item.status]}</Text>
        )}
        {item.handedOverFrom && <Text className="tag">{strings.from(item.handedOverFrom)}</Text>}
      </View>
      <Text className="muted">{strings.asked(item.createdAt)}</Text>
    </NavRow>
  );
}

/** The service centre's queue of one category: waiting first, the longest waiting first, coloured by target. */
export default function ServiceQueuePage() {
  const me = useMe();
  const categories = me.data ? serviceCategoriesOf(me.data.roles) : [];
  const [picked, setPicked] = useState<ServiceCategoryId | undefined>();
  const category = picked && categories.includes(picked) ? picked : categories[0];
  const queue = useApi('serviceQueue', category ? { params: { category } } : null);
  useReloadOnReturn(queue.reload);
  usePullDownRefresh(() => {
    queue.reload();
    void Taro.stopPullDownRefresh();
  });

  if (!me.data) return <NotLoadedPage state={me} title={strings.loadError} />;
  if (!category) {
    return (
      <Page>
        <EmptyState glyph="询" title={strings.notStaffTitle} description={strings.notStaffDesc} />
      </Page>
    );
  }
  const data = queue.data?.category === category ? queue.data : undefined;
  return (
    <Page>
      {categories.length > 1 && (
        <View className="card sq__cats">
          <Field label={strings.category}>
            <Chips
              options={categories.map((c) => ({ value: c, label: SERVICE_CATEGORY_LABELS[c] }))}
              value={category}
              onChange={setPicked}
              chipClassName="sq__category"
            />
          </Field>
        </View>
      )}
      {data && <Notice>{strings.rule(data.slaHours.green, data.slaHours.amber, cityClock(data.asOf))}</Notice>}
      <List
        state={queue}
        items={data?.items}
        title={strings.loadError}
        empty={<EmptyState glyph="询" title={strings.empty} />}
      >
        {(item) => <Item key={item.consultationId} item={item} />}
      </List>
    </Page>
  );
}
