import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import NavRow from '@/components/NavRow';
import Page from '@/components/Page';
import { ErrorState, InlineError } from '@/components/StateView';
import { useMe } from '@/hooks/useMe';
import { formatShanghaiDate, shanghaiHour } from '@/lib/format';
import './index.css';

const strings = {
  city: '营口市民服务',
  greetingMorning: '早上好',
  greetingNoon: '中午好',
  greetingAfternoon: '下午好',
  greetingEvening: '晚上好',
  resident: '居民',
  loadingName: '正在获取您的信息…',
  errorTitle: '暂时无法获取您的信息',
  services: [
    {
      key: 'health',
      glyph: '码',
      tone: 'green',
      title: '健康码',
      desc: '出示健康码，通行卡点、车站、商超',
      url: '/pages/health/index',
    },
    {
      key: 'grocery',
      glyph: '菜',
      tone: 'green',
      title: '平价买菜',
      desc: '预订平价蔬菜，社区无接触配送',
      url: '/pages/grocery/index',
    },
    {
      key: 'bills',
      glyph: '费',
      tone: 'orange',
      title: '生活缴费',
      desc: '水电气暖缴费，欠费不停供',
      url: '/pages/bills/index',
    },
    {
      key: 'service',
      glyph: '询',
      tone: 'purple',
      title: '不见面服务',
      desc: '在线咨询，市民服务中心答复，不用跑腿',
      url: '/service/pages/index/index',
      page: true,
    },
  ],
  hotlineTitle: '24小时服务热线',
  hotlineName: '12345 市民服务热线',
  hotlineDesc: '防疫咨询、生活求助、投诉建议，24小时有人接听',
  hotlineCall: '拨打',
  repairName: '供水 · 供电 · 燃气 · 供暖抢修',
  repairDesc: '24小时受理，拨打 12345 即可转接抢修',
  hotlinesName: '热线与专家',
  hotlinesDesc: '各部门24小时电话、医院专家咨询电话',
  noticeTitle: '温馨提示',
  notices: ['疫情期间，欠费不停水、不停电、不停气、不停暖。', '非必要不外出，外出请佩戴口罩，主动出示健康码。'],
};

const HOTLINE = '12345';

function greeting(): string {
  const hour = shanghaiHour();
  if (hour < 11) return strings.greetingMorning;
  if (hour < 13) return strings.greetingNoon;
  if (hour < 18) return strings.greetingAfternoon;
  return strings.greetingEvening;
}

function call() {
  Taro.makePhoneCall({ phoneNumber: HOTLINE }).catch(() => undefined);
}

export default function HomePage() {
  const me = useMe({ cached: true });
  const name = me.data?.displayName;

  return (
    <Page className="page--flush home">
      <View className="home__hero">
        <Text className="home__city">{strings.city}</Text>
        <Text className="home__greeting">
          {name ? `${name}，${greeting()}` : me.loading ? strings.loadingName : greeting()}
        </Text>
        <Text className="home__date">{formatShanghaiDate()}</Text>
      </View>

      <View className="home__body">
        {!me.loading && me.error !== undefined && (
          <View className="home__problem">
            {name ? (
              <InlineError error={me.error} onRetry={me.reload} />
            ) : (
              <ErrorState title={strings.errorTitle} error={me.error} onRetry={me.reload} />
            )}
          </View>
        )}

        {strings.services.map((s) => (
          <NavRow
            key={s.key}
            url={s.url}
            tab={!('page' in s)}
            className={`card card--row home__service home__service--${s.key}`}
            start={<View className={`glyph home__glyph glyph--${s.tone}`}>{s.glyph}</View>}
            title={s.title}
          >
            <Text className="muted">{s.desc}</Text>
          </NavRow>
        ))}

        <Text className="section-title">{strings.hotlineTitle}</Text>
        <View className="card home__hotline">
          <View className="home__line">
            <View className="row__main">
              <Text className="line strong">{strings.hotlineName}</Text>
              <Text className="muted">{strings.hotlineDesc}</Text>
            </View>
            <View className="action home__call" hoverClass="tap-active" onClick={call}>
              {strings.hotlineCall}
            </View>
          </View>
          <View className="home__line home__line--sub">
            <View className="row__main">
              <Text className="line strong">{strings.repairName}</Text>
              <Text className="muted">{strings.repairDesc}</Text>
            </View>
          </View>
          <NavRow
            url="/service/pages/hotlines/index"
            className="home__line home__line--sub home__hotlines"
            title={strings.hotlinesName}
          >
            <Text className="muted">{strings.hotlinesDesc}</Text>
          </NavRow>
        </View>

        <View className="card home__notice">
          <Text className="home__notice-title">{strings.noticeTitle}</Text>
          {strings.notices.map((n) => (
            <Text className="home__notice-item" key={n}>
              {n}
            </Text>
          ))}
        </View>
      </View>
    </Page>
  );
}
