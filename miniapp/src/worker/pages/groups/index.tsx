import { useState } from 'react';
import { Button, Text } from '@tarojs/components';
import Page from '@/components/Page';
import List from '@/components/List';
import NavRow from '@/components/NavRow';
import { EmptyState, NotLoaded } from '@/components/StateView';
import { useMe } from '@/hooks/useMe';
import { useApi, useReloadOnReturn } from '@/hooks/useApi';
import { timeText, yuan } from '@/lib/grocery/format';
import { scopesOf } from '@/lib/roles';
import OpenForm from './OpenForm';
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
  useReloadOnReturn(state.reload);
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
      <List
        state={state}
        items={state.data?.groups}
        title={strings.loadError}
        empty={<EmptyState glyph="团" title={strings.empty} description={strings.emptyDesc} />}
        card
      >
        {(g) => (
          <NavRow
            key={g.groupId}
            url={`/worker/pages/group/index?groupId=${g.groupId}`}
            title={`${g.label} · ${g.storeName}`}
          >
            <Text className="muted">{strings.line(g.memberCount, yuan(g.totalFen), timeText(g.cutoffAt))}</Text>
            <Text className={`tag ${g.status === 'open' ? 'tag--green' : ''}`}>{strings.status[g.status]}</Text>
          </NavRow>
        )}
      </List>
    </>
  );
}

export default function WorkerGroupsPage() {
  const me = useMe();
  const community = me.data ? (scopesOf(me.data.roles, 'worker')[0] ?? '') : '';
  return (
    <Page className="groups">
      {!me.data && <NotLoaded state={me} title={strings.loadError} />}
      {me.data && !community && <EmptyState glyph="社" title={strings.noRole} />}
      {community && <Groups key={community} community={community} />}
    </Page>
  );
}
