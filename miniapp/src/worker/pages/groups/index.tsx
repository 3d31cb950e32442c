import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import Page from '@/components/Page';
import { EmptyState, ErrorState, Loading } from '@/components/StateView';
import { useMe } from '@/hooks/useMe';
import { useApi } from '@/hooks/useApi';
import { timeText, yuan } from '@/lib/grocery/format';
import { scopesOf } from '@/lib/roles';
import OpenForm from './OpenForm';
import '@/lib/grocery/grocery.css';
import './index.css';

const strings = {
  loadError: '无法加载团购',
  noRole: '您还不是社区工作者',
  empty: '还没有团购',
  emptyDesc: '为一栋楼或一个村开团，居民在“买菜”页参加，到时统一下单',
  open: '开一个团购',
  status: { open: '报名中', closing: '截单中', closed: '已下单', cancelled: '已取消' },
  line: (n: number, y: string, t: string) => `${n} 户 · ¥${y} · ${t} 截止`,
};

function Groups({ community }: { community: string }) {
  const state = useApi('groceryGroups', { params: { communityId: community } });
  const [opening, setOpening] = useState(false);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else state.reload();
  });
  const groups = state.data?.groups;
  return (
    <>
      {opening ? (
        <OpenForm
          community={community}
          onOpened={() => {
            setOpening(false);
            state.reload();
          }}
        />
      ) : (
        <Button className="btn groups__open" onClick={() => setOpening(true)}>
          {strings.open}
        </Button>
      )}
      {!groups && state.loading && <Loading />}
      {!groups && !state.loading && <ErrorState title={strings.loadError} error={state.error} onRetry={state.reload} />}
      {groups && groups.length === 0 && <EmptyState glyph="团" title={strings.empty} description={strings.emptyDesc} />}
      {groups && groups.length > 0 && (
        <View className="card">
          {groups.map((g) => (
            <View
              className="gr-row"
              key={g.groupId}
              hoverClass="tap-active"
              onClick={() => Taro.navigateTo({ url: `/worker/pages/group/index?groupId=${g.groupId}` })}
            >
              <View className="gr-main">
                <Text className="gr-title">
                  {g.label} · {g.storeName}
                </Text>
                <Text className="gr-sub">{strings.line(g.memberCount, yuan(g.totalFen), timeText(g.cutoffAt))}</Text>
                <Text className={`gr-tag ${g.status === 'open' ? 'gr-tag--green' : ''}`}>
                  {strings.status[g.status]}
                </Text>
              </View>
              <Text className="gr-arrow">›</Text>
            </View>
          ))}
        </View>
      )}
    </>
  );
}

export default function WorkerGroupsPage() {
  const me = useMe();
  const community = me.data ? (scopesOf(me.data.roles, 'worker')[0] ?? '') : '';
  return (
    <Page className="groups">
      {!me.data && me.loading && <Loading />}
      {!me.data && !me.loading && <ErrorState title={strings.loadError} error={me.error} onRetry={me.reload} />}
      {me.data && !community && <EmptyState glyph="社" title={strings.noRole} />}
      {community && <Groups key={community} community={community} />}
    </Page>
  );
}
