import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Page from '@/components/Page';
import { EmptyState, NotLoaded } from '@/components/StateView';
import { useMe } from '@/hooks/useMe';
import { scopeName, scopesOf } from '@/lib/roles';
import './index.css';

const strings = {
  title: '社区工作者工作台',
  communitiesTitle: '我负责的社区',
  noRoleTitle: '您还不是社区工作者',
  noRoleDesc: '如需开通，请联系所在街道的管理员。',
  loadError: '无法加载工作台',
  open: '进入 ›',
  tasks: [
    {
      url: '/worker/pages/deliveries/index',
      title: '配送任务',
      desc: '本社区的买菜订单按时段排好；送到后核对取货码确认，没有网络也能先记下。',
    },
    {
      url: '/worker/pages/groups/index',
      title: '社区团购（卡点购物车）',
      desc: '为一栋楼或一个村开团，到截止时间统一向商店下单，按户分发。',
    },
    {
      url: '/worker/pages/bulk-pay/index',
      title: '代缴水电气暖费',
      desc: '为不方便在手机上缴费的住户代缴：勾选欠费住户，核对金额，用微信支付一次付清。',
    },
    {
      url: '/staff/pages/paper-code/index',
      title: '打印纸质健康码',
      desc: '为没有智能手机的本社区居民打印纸质码（A6 卡片），凭身份证核对；每次打印都记入审计。',
    },
  ],
};

export default function WorkerDeskPage() {
  const me = useMe();
  const user = me.data;
  const communities = user ? scopesOf(user.roles, 'worker') : [];

  return (
    <Page className="worker">
      {!user && <NotLoaded state={me} title={strings.loadError} />}
      {user && communities.length === 0 && (
        <EmptyState glyph="社" title={strings.noRoleTitle} description={strings.noRoleDesc} />
      )}
      {user && communities.length > 0 && (
        <>
          <Text className="section-title">{strings.communitiesTitle}</Text>
          <View className="card">
            {communities.map((id) => (
              <Text className="title worker__community" key={id}>
                {scopeName(id)}
              </Text>
            ))}
          </View>
          {strings.tasks.map((task) => (
            <View
              className="card worker__tasks"
              key={task.url}
              hoverClass="tap-active"
              onClick={() => Taro.navigateTo({ url: task.url })}
            >
              <View className="worker__tasks-head">
                <Text className="title">{task.title}</Text>
                <Text className="worker__open">{strings.open}</Text>
              </View>
              <Text className="worker__tasks-desc">{task.desc}</Text>
            </View>
          ))}
        </>
      )}
    </Page>
  );
}
