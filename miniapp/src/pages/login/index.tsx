import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Page from '@/components/Page';
import { errorMessage, HOME_URL, loginWithWechat } from '@/api';
import { GUIDE_URL } from '@/lib/privacy';
import DemoAccounts from './DemoAccounts';
import './index.css';

const strings = {
  appName: '营口市民服务',
  tagline: '健康码 · 平价买菜 · 生活缴费',
  wechatLogin: '微信一键登录',
  signingIn: '正在登录…',
  retry: '重新登录',
  failed: '登录没有成功',
  openInWechat: '请在微信中打开“营口市民服务”小程序登录使用',
  privacy: '我们只收集提供服务所必需的信息，个人信息在页面上脱敏显示。详见',
  guide: '《隐私保护指引》',
};

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** Demo sign-in (codes `dev:<key>`) exists only in `local` builds. */
const HAS_DEMO = process.env.TARO_APP_STAGE === 'local' && DEMO_ACCOUNTS.length > 0;

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
      setError(err); // shown below; the calls are quiet, so no toast as well
    } finally {
      setBusy(null);
    }
  }

  return (
    <Page className="login" open>
      <View className="login__brand">
        <View className="glyph login__logo">营</View>
        <Text className="login__name">{strings.appName}</Text>
        <Text className="login__tagline">{strings.tagline}</Text>
      </View>

      {IS_WEAPP && (
        <View className="login__wechat">
          <Button
            className={`btn login__wechat-btn${busy ? ' btn--busy' : ''}`}
            loading={busy === 'wechat'}
            onClick={() => run('wechat', () => loginWithWechat({ quiet: true }))}
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

      {/* The env comparison is written out here, not via HAS_DEMO, so that webpack can see it is
          false in other builds and leave DemoAccounts (and its dev: codes) out of the bundle. */}
      {process.env.TARO_APP_STAGE === 'local' && HAS_DEMO && <DemoAccounts busy={busy} onLogin={run} />}

      {!IS_WEAPP && !HAS_DEMO && <Text className="login__hint">{strings.openInWechat}</Text>}

      <Text className="login__privacy">
        {strings.privacy}
        <Text className="login__guide" onClick={() => void Taro.navigateTo({ url: GUIDE_URL })}>
          {strings.guide}
        </Text>
      </Text>
    </Page>
  );
}
