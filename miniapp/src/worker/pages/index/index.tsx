import { Text, View } from '@tarojs/components';
import Page from '@/components/Page';
import { EmptyState, ErrorState, Loading } from '@/components/StateView';
import { useMe } from '@/hooks/useMe';
import { scopeName, scopesOf } from '@/lib/roles';
import './index.css';

const strings = {
  title: '社区工作者工作台',
  communitiesTitle: '我负责的社区',
  noRoleTitle: '您还不是社区工作者',
  noRoleDesc: '如需开通，请联系所在街道的管理员。',
  loadError: '无法加载工作台',
  tasksTitle: '配送任务',
  tasksSoon: '即将上线',
  tasksDesc: '居民在“买菜”预订后，本社区的待配送订单会显示在这里。送达后请在此确认，做到无接触交接。',
};

export default function WorkerDeskPage() {
  const me = useMe();
  const user = me.data;
  const communities = user ? scopesOf(user.roles, 'worker') : [];

  return (
    <Page className="worker">
      {!user && me.loading && <Loading />}
      {!user && !me.loading && <ErrorState title={strings.loadError} error={me.error} onRetry={me.reload} />}
      {user && communities.length === 0 && (
        <EmptyState glyph="社" title={strings.noRoleTitle} description={strings.noRoleDesc} />
      )}
      {user && communities.length > 0 && (
        <>
          <Text className="section-title worker__title">{strings.communitiesTitle}</Text>
          <View className="card">
            {communities.map((id) => (
              <Text className="worker__community" key={id}>
                {scopeName(id)}
              </Text>
            ))}
          </View>
          <View className="card worker__tasks">
            <View className="worker__tasks-head">
              <Text className="worker__tasks-title">{strings.tasksTitle}</Text>
              <Text className="worker__badge">{strings.tasksSoon}</Text>
            </View>
            <Text className="worker__tasks-desc">{strings.tasksDesc}</Text>
          </View>
        </>
      )}
    </Page>
  );
}
