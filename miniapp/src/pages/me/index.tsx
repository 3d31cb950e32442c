import { Button, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import NavRow from '@/components/NavRow';
import Page from '@/components/Page';
import { ErrorState, InlineError, Loading } from '@/components/StateView';
import { signOut } from '@/api';
import { useMe } from '@/hooks/useMe';
import { DIALOG_COLOURS, controlName } from '@/lib/a11y';
import { useElderMode } from '@/lib/elder';
import { Notice } from '@/components/form';
import { askPrivacyAgain, GUIDE_URL, usePrivacy } from '@/lib/privacy';
import { maskId } from '@/lib/format';
import { hasRole, isStaff, roleText } from '@/lib/roles';
import PersonalCode from './PersonalCode';
import './index.css';

const strings = {
  userId: '用户编号',
  rolesTitle: '我的身份',
  settingsTitle: '设置',
  elderMode: '长辈模式',
  elderModeDesc: '字体更大，看得更清楚',
  workTitle: '工作入口',
  staffDesk: '工作人员工作台',
  staffDeskDesc: '扫码核验、商户备货、缴费审核、健康码复核',
  workerDesk: '社区工作者工作台',
  workerDeskDesc: '本社区订单配送与确认',
  complaints: '价格质量投诉',
  complaintsDesc: '市场监管：查看并处理居民投诉',
  signOut: '退出登录',
  signOutConfirmTitle: '退出登录',
  signOutConfirm: '确定要退出当前账号吗？',
  loadError: '无法加载个人信息',
  privacyTitle: '隐私与数据',
  myData: '我的数据',
  myDataDesc: '查看、下载我和家人的信息；注销',
  reads: '谁查看了我的信息',
  readsDesc: '工作人员每次查看的部门、时间和原因',
  guide: '隐私保护指引',
  guideDesc: '收集什么、保存多久、谁能看到',
  refused: '您还没有同意《隐私保护指引》，需要个人信息的功能暂不能使用。',
  agree: '查看并同意',
};

const STAFF_URL = '/staff/pages/index/index';
const DATA_URL = '/privacy/pages/data/index';
const READS_URL = '/privacy/pages/reads/index';
const WORKER_URL = '/worker/pages/index/index';
const COMPLAINTS_URL = '/staff/pages/market-complaints/index';

function confirmSignOut() {
  Taro.showModal({ ...DIALOG_COLOURS, title: strings.signOutConfirmTitle, content: strings.signOutConfirm }).then(
    ({ confirm }) => {
      if (confirm) signOut();
    },
    () => undefined,
  );
}

interface EntryProps {
  title: string;
  desc: string;
  url: string;
}

function Entry({ title, desc, url }: EntryProps) {
  return (
    <NavRow url={url} className="row me__row" title={title}>
      <Text className="muted">{desc}</Text>
    </NavRow>
  );
}

export default function MePage() {
  // Shows the profile stored at sign-in at once, then the server's answer.
  const me = useMe({ cached: true });
  const [elder, setElder] = useElderMode();
  const privacy = usePrivacy();
  const user = me.data;

  return (
    <Page className="me">
      {!user && me.loading && <Loading />}
      {!user && !me.loading && <ErrorState title={strings.loadError} error={me.error} onRetry={me.reload} />}
      {user && !me.loading && me.error !== undefined && <InlineError error={me.error} onRetry={me.reload} />}
      {user && (
        <>
          <View className="card card--row me__profile">
            <View className="glyph glyph--round me__avatar">{user.displayName.slice(0, 1)}</View>
            <View className="row__main me__who">
              <Text className="me__name">{user.displayName}</Text>
              <Text className="me__id">
                {strings.userId} {maskId(user.userId)}
              </Text>
            </View>
          </View>

          <PersonalCode />

          <Text className="section-title">{strings.rolesTitle}</Text>
          <View className="card me__roles">
            {user.roles.map((grant) => (
              <Text className={`me__role me__role--${grant.role}`} key={`${grant.role}:${grant.scope ?? ''}`}>
                {roleText(grant)}
              </Text>
            ))}
          </View>

          {(isStaff(user.roles) || hasRole(user.roles, 'worker')) && (
            <>
              <Text className="section-title">{strings.workTitle}</Text>
              <View className="card me__list">
                {isStaff(user.roles) && (
                  <Entry title={strings.staffDesk} desc={strings.staffDeskDesc} url={STAFF_URL} />
                )}
                {hasRole(user.roles, 'worker') && (
                  <Entry title={strings.workerDesk} desc={strings.workerDeskDesc} url={WORKER_URL} />
                )}
                {hasRole(user.roles, 'regulator') && (
                  <Entry title={strings.complaints} desc={strings.complaintsDesc} url={COMPLAINTS_URL} />
                )}
              </View>
            </>
          )}
        </>
      )}

      {privacy.choice === 'refused' && (
        <View className="me__privacy">
          <Notice tone="warn">{strings.refused}</Notice>
          <Button className="btn btn--plain" onClick={askPrivacyAgain}>
            {strings.agree}
          </Button>
        </View>
      )}
      <Text className="section-title">{strings.privacyTitle}</Text>
      <View className="card me__list">
        {user && <Entry title={strings.myData} desc={strings.myDataDesc} url={DATA_URL} />}
        {user && <Entry title={strings.reads} desc={strings.readsDesc} url={READS_URL} />}
        <Entry title={strings.guide} desc={strings.guideDesc} url={GUIDE_URL} />
      </View>

      <Text className="section-title">{strings.settingsTitle}</Text>
      <View className="card me__list">
        <View className="row me__row">
          <View className="row__main">
            <Text className="title">{strings.elderMode}</Text>
            <Text className="muted">{strings.elderModeDesc}</Text>
          </View>
          <Switch
            className="me__switch"
            checked={elder}
            color="#0958d9"
            onChange={(e) => setElder(e.detail.value)}
            {...controlName(strings.elderMode)}
          />
        </View>
      </View>

      {user && (
        <Button className="btn btn--danger me__signout" onClick={confirmSignOut}>
          {strings.signOut}
        </Button>
      )}
    </Page>
  );
}
