import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Page from '@/components/Page';
import { errorMessage, HOME_URL, loginWithCode, loginWithWechat } from '@/api';
import { ROLE_LABELS } from '@/lib/roles';
import './index.css';

const strings = {
  appName: '营口市民服务',
  tagline: '健康码 · 平价买菜 · 生活缴费',
  wechatLogin: '微信一键登录',
  signingIn: '正在登录…',
  retry: '重新登录',
  failed: '登录没有成功',
  demoTitle: '演示账号',
  demoNote: '仅本地测试环境提供，点击即可登录',
  openInWechat: '请在微信中打开“营口市民服务”小程序登录使用',
  privacy: '我们只收集提供服务所必需的信息，个人信息在页面上脱敏显示。',
};

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

type Account = (typeof DEMO_ACCOUNTS)[number];

function roleSummary(account: Account): string {
  return account.roles.map((g) => ROLE_LABELS[g.role]).join(' · ');
}

export default function LoginPage() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  async function run(key: string, login: () => Promise<unknown>) {
    if (busy) return;
    setBusy(key);
    setError(undefined);
    try {
      await login();
      await Taro.reLaunch({ url: HOME_URL });
    } catch (err) {
      setError(err); // already toasted by the API adapter
    } finally {
      setBusy(null);
    }
  }

  const demo = DEMO_ACCOUNTS;

  return (
    <Page className="login">
      <View className="login__brand">
        <View className="login__logo">营</View>
        <Text className="login__name">{strings.appName}</Text>
        <Text className="login__tagline">{strings.tagline}</Text>
      </View>

      {IS_WEAPP && (
        <View className="login__wechat">
          <Button
            className="btn login__wechat-btn"
            loading={busy === 'wechat'}
            disabled={busy !== null}
            onClick={() => run('wechat', loginWithWechat)}
          >
            {busy === 'wechat' ? strings.signingIn : error !== undefined ? strings.retry : strings.wechatLogin}
          </Button>
        </View>
      )}

      {error !== undefined && (
        <View className="login__error">
          <Text className="login__error-title">{strings.failed}</Text>
          <Text className="login__error-text">{errorMessage(error)}</Text>
        </View>
      )}

      {demo.length > 0 && (
        <View className="login__demo">
          <Text className="section-title login__demo-title">{strings.demoTitle}</Text>
          <Text className="muted login__demo-note">{strings.demoNote}</Text>
          {demo.map((account) => (
            <Button
              key={account.key}
              className="btn btn--plain login__account"
              disabled={busy !== null}
              onClick={() => run(account.key, () => loginWithCode(`dev:${account.key}`))}
            >
              <View className="login__account-body">
                <Text className="login__account-name">{account.displayName}</Text>
                <Text className="login__account-roles">
                  {busy === account.key ? strings.signingIn : roleSummary(account)}
                </Text>
              </View>
            </Button>
          ))}
        </View>
      )}

      {!IS_WEAPP && demo.length === 0 && <Text className="login__hint">{strings.openInWechat}</Text>}

      <Text className="login__privacy">{strings.privacy}</Text>
    </Page>
  );
}
